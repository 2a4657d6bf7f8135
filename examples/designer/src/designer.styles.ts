import { css } from 'lit';

export const designerStyles = css`
  :host { display: block; font-family: system-ui, sans-serif; color: #1e1e1e; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; padding: 0.5rem 0; }
  .toolbar .folder { margin-left: auto; }
  button, select, .button { font: inherit; }
  .button { border: 1px solid #1f4e9c; border-radius: 4px; padding: 0.2rem 0.6rem; color: #1f4e9c; cursor: pointer; }
  .button:focus-within { outline: 2px solid #1f4e9c; }
  .button input { position: absolute; width: 1px; height: 1px; opacity: 0; }
  .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
  @media (max-width: 60rem) { .columns { grid-template-columns: 1fr; } }
  .edit { display: grid; grid-template-columns: 12rem minmax(0, 1fr); gap: 0.5rem; align-items: start; }
  nav ul { list-style: none; margin: 0; padding: 0; }
  nav button { width: 100%; text-align: left; background: none; border: 0; padding: 0.2rem 0.4rem; cursor: pointer; color: inherit; }
  nav button[aria-current='true'] { background: #e3ebf7; font-weight: 600; }
  .badge { display: inline-block; min-width: 1.2em; padding: 0 0.3em; border-radius: 0.6em; font-size: 0.75rem; text-align: center; }
  .badge.bad { background: #b00020; color: #fff; }
  [role='tablist'] { display: flex; gap: 0.25rem; border-bottom: 1px solid #8a8a8a; margin-bottom: 0.5rem; }
  [role='tab'] { background: none; border: 1px solid transparent; border-bottom: 0; padding: 0.3rem 0.7rem; cursor: pointer; color: inherit; }
  [role='tab'][aria-selected='true'] { border-color: #8a8a8a; background: #fff; font-weight: 600; margin-bottom: -1px; }
  .summary { padding: 0.4rem 0.6rem; border-left: 4px solid; }
  .summary.good { border-color: #1b7a3a; background: #eaf6ee; }
  .summary.bad { border-color: #b00020; background: #fdecee; }
  .rule { border-top: 1px solid #ddd; padding: 0.25rem 0; }
  .rule h3 { font-size: 0.95rem; margin: 0.3rem 0; }
  .rule .message { margin: 0.2rem 0; font-style: italic; }
  .rule ul, .problems { list-style: none; padding: 0; margin: 0; }
  .sample { display: flex; gap: 0.4rem; align-items: baseline; padding: 0.1rem 0; }
  .sample.fail { color: #b00020; }
  .sample.pass .mark { color: #1b7a3a; }
  .link { background: none; border: 0; padding: 0; color: #1f4e9c; text-decoration: underline; cursor: pointer; text-align: left; }
  .sample .link { margin-left: auto; white-space: nowrap; }
  .problems li { padding: 0.15rem 0; }
  iframe { width: 100%; height: 60vh; border: 1px solid #8a8a8a; }
  table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
  th, td { border: 1px solid #ccc; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
  caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
`;
