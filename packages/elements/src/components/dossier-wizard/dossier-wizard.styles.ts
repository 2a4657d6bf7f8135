import { css } from 'lit';

export const wizardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_surface);
    line-height: 1.4;
  }
  * {
    box-sizing: border-box;
  }
  [part='header'] {
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_readonly);
  }
  .title {
    font-size: 1.3rem;
    font-weight: 700;
    margin: 0;
    color: var(--_primary);
  }
  .subtitle,
  .profile {
    margin: 0.1rem 0 0;
    color: var(--_muted);
  }
  [part='nav'] {
    display: flex;
    gap: 0.25rem;
    overflow-x: auto;
    padding: var(--_space) 0;
    border-bottom: 2px solid var(--_readonly);
    scrollbar-width: thin;
  }
  [part~='tab'] {
    font: inherit;
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: var(--_text);
    padding: 0.5rem 0.75rem;
    min-height: 2.75rem;
    cursor: pointer;
    white-space: nowrap;
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
  }
  [part~='tab'][aria-selected='true'] {
    border-bottom-color: var(--_primary);
    font-weight: 700;
    color: var(--_primary);
  }
  .badge {
    font-size: 0.8rem;
    font-weight: 700;
  }
  .badge.ok {
    color: var(--_success);
  }
  .badge.ko {
    color: var(--_error);
  }
  [part='panel'] {
    padding: calc(var(--_space) * 2) 0;
  }
  .panel-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space);
  }
  h2 {
    font-size: 1.15rem;
    margin: 0;
  }
  h3 {
    font-size: 1rem;
    margin: 1rem 0 0.5rem;
  }
  .notice {
    margin: 0.5rem 0 1rem;
    color: var(--_muted);
  }
  .notice .asterisk {
    color: var(--_error);
  }
  .notice.repeat-error {
    color: var(--_error);
  }
  .notice.repeat-warning {
    color: var(--_warning);
    border-left: 4px solid var(--_warning);
    padding-left: 0.5rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    gap: 0.75rem 1rem;
  }
  .grid > .wide {
    grid-column: 1 / -1;
  }
  fieldset.item {
    border: 1px solid var(--_readonly);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 0 0 0.75rem;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }
  button.action,
  button.secondary,
  button.link {
    font: inherit;
    border-radius: var(--_radius);
    min-height: 2.75rem;
    padding: 0.4rem 1rem;
    cursor: pointer;
  }
  button.link {
    background: none;
    border: 0;
    color: var(--_primary);
    text-decoration: underline;
    padding: 0.2rem;
    min-height: 0;
  }
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .steps,
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  [part='actions'] {
    justify-content: flex-end;
    padding-top: var(--_space);
    border-top: 1px solid var(--_readonly);
  }
  .workflow {
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    padding: 0.6rem 1rem;
    margin: 0.75rem 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
  }
  .workflow p {
    margin: 0;
  }
  [part='summary'] {
    border: 2px solid var(--_error);
    background: var(--_error-bg);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0.75rem 0;
  }
  [part='summary'] strong {
    color: var(--_error);
  }
  [part='summary'] h2 {
    margin: 0 0 0.25rem;
    font-size: 1.15rem;
    color: var(--_error);
  }
  [part='summary'] h3 {
    margin: 0.75rem 0 0.25rem;
    font-size: 1rem;
    color: var(--_warning);
  }
  [part='summary']:focus {
    outline: 3px solid var(--_focus, #ffbf47);
    outline-offset: 2px;
  }
  [part='summary'] .warnings a {
    color: var(--_warning);
  }
  [part='sync'] {
    margin: 0.25rem 0;
    font-size: 0.9rem;
    color: var(--_success);
  }
  [part='sync'].pending {
    color: var(--_warning);
  }
  [part='conflict'] {
    border: 2px solid var(--_warning);
    background: var(--_warning-bg);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0.75rem 0;
  }
  [part='conflict'] p {
    margin: 0 0 0.5rem;
  }
  [part='status'] {
    margin: 0.5rem 0;
  }
  [part='status'] p {
    margin: 0;
    padding: 0.6rem 0.9rem;
    border-radius: var(--_radius);
    background: #e7f3ec;
    color: var(--_success);
  }
  [part='status'] p.refusal {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  [part='status'] p.failure {
    background: var(--_error-bg);
    color: var(--_error);
  }
  [part='status'] .mail.failure {
    color: var(--_error);
  }
  .recap dl {
    display: grid;
    grid-template-columns: minmax(8rem, 16rem) 1fr;
    gap: 0.2rem 1rem;
    margin: 0 0 1rem;
  }
  .recap dt {
    color: var(--_muted);
  }
  .recap dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .intro p {
    margin: 0 0 0.75rem;
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1.25rem;
    max-width: min(30rem, 90vw);
  }
  dialog .steps {
    justify-content: flex-end;
    margin-top: 1rem;
  }
  .loading,
  .failure-load {
    padding: 1rem 0;
  }
  @container (max-width: 480px) {
    .title {
      font-size: 1.1rem;
    }
    .recap dl {
      grid-template-columns: 1fr;
    }
    [part='actions'] button,
    .steps button {
      flex: 1 1 auto;
    }
  }
`;
