import { css } from 'lit';

export const dossierViewStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    line-height: 1.4;
  }
  * {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  .scroll:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button.link,
  .back {
    background: none;
    border: 0;
    color: var(--_primary);
    text-decoration: underline;
    padding: 0.25rem 0;
    min-height: 2.75rem;
  }
  .back {
    font-weight: 600;
  }
  button.primary,
  button.secondary {
    border-radius: var(--_radius);
    min-height: 2.75rem;
    padding: 0.4rem 1rem;
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .card,
  section {
    background: var(--_surface);
    border: 1px solid var(--_readonly);
    border-radius: var(--_radius);
    padding: 1rem 1.25rem;
  }
  .card {
    display: grid;
    gap: 0.2rem;
    justify-items: start;
    margin: 0.5rem 0 1rem;
  }
  .card p {
    margin: 0;
  }
  .card-title {
    font-size: 1.3rem;
    font-weight: 700;
    color: var(--_primary);
    overflow-wrap: anywhere;
  }
  .card-sub,
  .card-date,
  .entreprise,
  .subrogation,
  .note,
  .limits,
  .empty {
    color: var(--_muted);
  }
  .badge {
    margin-top: 0.4rem !important;
    padding: 0.2rem 0.75rem;
    border-radius: 999px;
    font-weight: 700;
    font-size: 0.9rem;
    background: color-mix(in srgb, var(--_primary) 10%, var(--_surface));
    color: var(--_primary);
  }
  .badge.ok {
    background: #e7f3ec;
    color: var(--_success);
  }
  .badge.ko {
    background: var(--_error-bg);
    color: var(--_error);
  }
  .badge.warn {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .sections {
    display: grid;
    gap: 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
    align-items: start;
  }
  [part~='financements'],
  [part~='documents'] {
    grid-column: 1 / -1;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .section-title {
    font-size: 1.1rem;
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .section-head .section-title {
    margin: 0;
  }
  .group-title {
    font-weight: 700;
    margin: 1rem 0 0.2rem;
  }
  .group-sub {
    margin: 0 0 0.5rem;
    color: var(--_muted);
    text-transform: uppercase;
    overflow-wrap: anywhere;
  }
  ul.items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .formation {
    display: grid;
    gap: 0.1rem;
    overflow-wrap: anywhere;
  }
  .formation-title {
    font-weight: 700;
    text-transform: uppercase;
  }
  .entreprise {
    margin: 0 0 0.5rem;
  }
  .trainee {
    display: flex;
    align-items: center;
    gap: 0.6rem;
  }
  .trainee-name {
    text-transform: uppercase;
    overflow-wrap: anywhere;
  }
  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: 50%;
    background: var(--_primary);
    color: var(--_primary-contrast);
    font-weight: 700;
    font-size: 0.85rem;
  }
  .subrogation {
    margin: 0.2rem 0 0.5rem;
  }
  .amounts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
    gap: 0.5rem 1rem;
    margin: 0.5rem 0;
  }
  .amounts div {
    border-left: 3px solid var(--_readonly);
    padding-left: 0.6rem;
  }
  .amounts dt {
    color: var(--_muted);
  }
  .amounts dd {
    margin: 0;
    font-weight: 700;
    font-size: 1.1rem;
    white-space: nowrap;
  }
  .note {
    font-size: 0.9rem;
    margin: 0.25rem 0 0;
  }
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    min-width: 30rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.45rem 0.6rem;
    border-bottom: 1px solid var(--_readonly);
    vertical-align: top;
  }
  thead th {
    color: var(--_muted);
    font-weight: 600;
    white-space: nowrap;
  }
  tbody th {
    font-weight: 600;
  }
  .file-name {
    overflow-wrap: anywhere;
  }
  .conformity {
    font-weight: 700;
    color: var(--_warning);
  }
  .conformity.ok {
    color: var(--_success);
  }
  .deposit-bar {
    display: flex;
    justify-content: flex-end;
    margin-top: 0.75rem;
  }
  .deposit {
    margin-top: 0.75rem;
    padding: 0.75rem 1rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
  }
  .deposit .group-title {
    margin: 0;
  }
  .control {
    display: grid;
    gap: 0.25rem;
  }
  .control label {
    font-weight: 600;
  }
  select,
  input[type='file'] {
    font: inherit;
    width: 100%;
    min-width: 0;
    min-height: 2.75rem;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .limits {
    margin: 0;
    font-size: 0.9rem;
  }
  .messages p {
    margin: 0;
    color: var(--_error);
    display: flex;
    gap: 0.35rem;
  }
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  .status {
    margin: 0.5rem 0 0;
    color: var(--_success);
  }
  .status:empty {
    margin: 0;
  }
  .failure {
    color: var(--_error);
    background: var(--_error-bg);
    padding: 0.6rem 0.9rem;
    border-radius: var(--_radius);
  }
  @container (max-width: 480px) {
    /* Phones: each table row becomes a card, its cells labelled by their column (ARIA roles keep the table). */
    table.cards {
      min-width: 0;
    }
    table.cards,
    table.cards tbody,
    table.cards tr,
    table.cards tbody th,
    table.cards td {
      display: block;
    }
    table.cards thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table.cards tr {
      border: 1px solid var(--_readonly);
      border-radius: var(--_radius);
      padding: 0.4rem 0.6rem;
      margin-bottom: 0.5rem;
    }
    table.cards tbody th,
    table.cards td {
      display: grid;
      grid-template-columns: minmax(6.5rem, 40%) 1fr;
      gap: 0.5rem;
      border: 0;
      padding: 0.15rem 0;
    }
    table.cards tbody th::before,
    table.cards td::before {
      content: attr(data-label);
      color: var(--_muted);
      font-weight: 600;
    }
    .card,
    section {
      padding: 0.75rem;
    }
    .card-title {
      font-size: 1.1rem;
    }
    .form-actions button,
    .deposit-bar button {
      flex: 1 1 auto;
    }
  }
`;
