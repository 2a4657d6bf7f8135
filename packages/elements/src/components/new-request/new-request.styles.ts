import { css } from 'lit';

export const newRequestStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    line-height: 1.4;
  }
  * {
    box-sizing: border-box;
  }
  [part='base'] {
    max-width: var(--akto-new-request-max-width, 48rem);
    margin: 0 auto;
    background: var(--_surface);
    border: 1px solid var(--_readonly);
    border-radius: var(--_radius);
    padding: 1rem 1.25rem 1.25rem;
  }
  [part='header'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding-bottom: 0.5rem;
    border-bottom: 1px solid var(--_readonly);
  }
  .title {
    font-size: 1.3rem;
    font-weight: 700;
    color: var(--_primary);
  }
  .close {
    font: inherit;
    font-size: 1.5rem;
    line-height: 1;
    min-width: 2.75rem;
    min-height: 2.75rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_text);
    cursor: pointer;
  }
  .close:hover {
    background: var(--_readonly);
  }
  [part='step'] {
    margin: 0;
    padding-top: 1rem;
  }
  .question {
    font-size: 1.15rem;
    font-weight: 700;
    margin: 0 0 0.75rem;
  }
  .question:focus {
    outline: none;
  }
  .question:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .search {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.75rem;
  }
  .search label {
    font-weight: 600;
  }
  .search input {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    width: 100%;
  }
  .search input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .choices {
    display: grid;
    gap: 0.5rem;
    max-height: 22rem;
    overflow-y: auto;
    padding: 3px;
  }
  .choices.cards {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    max-height: none;
    overflow: visible;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    padding: 0.6rem 0.75rem;
    min-height: 2.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
    background: var(--_surface);
  }
  .choice:hover {
    border-color: var(--_primary);
  }
  .choice.selected {
    border: 2px solid var(--_primary);
    padding: calc(0.6rem - 1px) calc(0.75rem - 1px);
    background: color-mix(in srgb, var(--_primary) 6%, var(--_surface));
  }
  .choice:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .choice input {
    margin: 0.2rem 0 0;
    width: 1.1rem;
    height: 1.1rem;
    flex: none;
    accent-color: var(--_primary);
  }
  .cards .choice {
    min-height: 5rem;
    align-items: center;
  }
  .cards .choice-title {
    font-weight: 700;
    color: var(--_primary);
  }
  .choice-text {
    display: grid;
    gap: 0.1rem;
    min-width: 0;
    overflow-wrap: break-word;
    hyphens: auto;
  }
  .choice-title {
    font-weight: 600;
  }
  .choice-detail {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .empty {
    color: var(--_muted);
  }
  [part='error'] {
    color: var(--_error);
    margin: 0.5rem 0 0;
    display: flex;
    gap: 0.35rem;
  }
  [part='error']:empty {
    display: none;
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
    margin-top: 1rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_readonly);
  }
  [part='actions'] button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 1.25rem;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  @container (max-width: 480px) {
    [part='base'] {
      padding: 0.75rem;
    }
    .title {
      font-size: 1.1rem;
    }
    [part='actions'] button {
      flex: 1 1 auto;
    }
  }
`;
