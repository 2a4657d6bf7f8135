import { css } from 'lit';

export const listStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_surface);
    line-height: 1.4;
    --_alert: var(--akto-color-warning, #7a4f00);
    --_stripe: var(--akto-dossier-list-stripe, #f5f6f8);
  }
  * {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .sizer {
    height: 0;
  }
  .icon {
    flex: none;
    vertical-align: middle;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button.action,
  button.secondary {
    border-radius: var(--_radius);
    min-height: 2.75rem;
    padding: 0.4rem 1rem;
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  button.action.danger {
    background: var(--_error);
    border-color: var(--_error);
  }
  button.link {
    background: none;
    border: 0;
    padding: 0;
    color: var(--_primary);
    text-decoration: underline;
    text-align: start;
  }
  .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.25rem;
    min-height: 2.25rem;
    padding: 0.2rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    color: var(--_primary);
  }
  .icon-button:hover {
    border-color: var(--_border);
  }
  .icon-button.supprimer {
    color: var(--_error);
  }

  /* toolbar */
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) 0;
  }
  .search {
    position: relative;
    flex: 1 1 16rem;
    min-width: 0;
  }
  .search-icon {
    position: absolute;
    left: 0.6rem;
    top: 50%;
    transform: translateY(-50%);
    color: var(--_muted);
    display: flex;
  }
  [part='search'] {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.45rem 0.6rem 0.45rem 2.2rem;
    font: inherit;
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .advanced-toggle[aria-expanded='true'] .icon {
    transform: rotate(180deg);
  }
  [part='create'] {
    margin-inline-start: auto;
  }

  /* advanced search */
  [part='advanced'] {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
    padding: var(--_space);
    margin-bottom: var(--_space);
    border: 1px solid var(--_readonly);
    border-radius: var(--_radius);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    flex: 1 1 auto;
    min-width: 0;
  }
  .filter {
    position: relative;
    min-width: 0;
    max-width: 100%;
  }
  .filter-button {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    max-width: 100%;
    min-height: 2.75rem;
    padding: 0.35rem 0.6rem;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-align: start;
  }
  .filter-label {
    font-weight: 600;
    white-space: nowrap;
  }
  .filter-value {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 16rem;
  }
  .placeholder {
    color: var(--_muted);
  }
  .popup {
    position: absolute;
    z-index: var(--akto-popup-z-index, 20);
    top: calc(100% + 2px);
    left: 0;
    min-width: 100%;
    width: max-content;
    max-width: min(22rem, 100cqi);
    max-height: 20rem;
    overflow: auto;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.15);
    padding: 0.5rem;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .popup fieldset label {
    display: flex;
    gap: 0.4rem;
    align-items: center;
  }
  label.check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2rem;
  }
  label.check input {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
  }
  input[type='date'],
  select,
  input[type='text'] {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    min-height: 2.5rem;
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .filter-tools {
    display: flex;
    gap: 0.25rem;
  }

  /* saved searches */
  [part='saved'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  .saved-title {
    color: var(--_muted);
  }
  [part='saved'] ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='saved'] li {
    display: inline-flex;
    align-items: center;
    gap: 0.2rem;
    padding: 0 0 0 0.6rem;
    border: 1px solid var(--_readonly);
    border-radius: 999px;
  }
  [part='saved'] .remove {
    display: inline-flex;
    min-width: 2rem;
    min-height: 2rem;
    align-items: center;
    justify-content: center;
    background: none;
    border: 0;
    border-radius: 999px;
    color: var(--_muted);
  }

  /* info line */
  [part='info'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    padding: var(--_space) 0;
  }
  .count {
    margin: 0;
    font-weight: 700;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    margin: 0 0 0 auto;
    padding: 0;
    color: var(--_muted);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .legend .icon,
  .flag .icon {
    color: var(--_primary);
  }
  .legend .alerte .icon,
  .flag.alerte .icon {
    color: var(--_alert);
  }
  [part='message'] {
    margin: 0 0 var(--_space);
    padding: 0.6rem 0.9rem;
    border-radius: var(--_radius);
    background: #e7f3ec;
    color: var(--_success);
  }
  [part='message'].failure {
    background: var(--_error-bg);
    color: var(--_error);
  }
  .empty {
    padding: 1.5rem 0;
    color: var(--_muted);
    text-align: center;
  }

  /* table */
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95rem;
  }
  th {
    text-align: start;
    font-weight: 700;
    color: var(--_primary);
    padding: 0.5rem;
    border-bottom: 2px solid var(--_primary);
    white-space: nowrap;
  }
  td {
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--_readonly);
    vertical-align: middle;
  }
  tbody tr[part='row']:nth-of-type(even) {
    background: var(--_stripe);
  }
  td.number {
    white-space: nowrap;
  }
  td.date {
    white-space: nowrap;
  }
  td.state {
    min-width: 9rem;
  }
  td.formation {
    max-width: 16rem;
  }
  .clamp,
  .card-formation {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .flags {
    display: inline-flex;
    gap: 0.1rem;
    margin-inline-end: 0.25rem;
    vertical-align: middle;
  }
  .flag {
    display: inline-flex;
  }
  .flag .icon {
    width: 16px;
    height: 16px;
  }
  .actions {
    display: flex;
    gap: 0.1rem;
    justify-content: flex-end;
  }
  .icon-slot {
    display: inline-block;
    width: 2.25rem;
  }
  .detail-row td {
    background: var(--_surface);
  }
  .detail {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 2rem;
  }
  .detail ul {
    margin: 0.2rem 0 0;
    padding-inline-start: 1.2rem;
  }
  .detail p {
    margin: 0.2rem 0 0;
  }

  /* cards (narrow widths) */
  .cards {
    display: none;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .card {
    border: 1px solid var(--_readonly);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin-bottom: var(--_space);
  }
  .card p {
    margin: 0 0 0.2rem;
    overflow-wrap: anywhere;
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.2rem 0.75rem;
  }
  .card-head strong {
    margin-inline-end: auto;
  }
  .card-head .state {
    font-weight: 600;
  }
  .card-sub {
    color: var(--_muted);
  }
  .card .actions {
    justify-content: flex-start;
    margin-top: 0.3rem;
  }
  .card .icon-slot {
    display: none;
  }

  /* pagination */
  [part='pagination'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space) 0;
  }
  .pages {
    margin: 0;
    color: var(--_muted);
  }
  [part='pagination'] ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem;
    list-style: none;
    margin: 0;
    padding: 0;
    align-items: center;
  }
  button.page {
    min-width: 2.5rem;
    min-height: 2.5rem;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    border: 1px solid var(--_readonly);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
  }
  button.page[aria-current='page'] {
    background: var(--_primary);
    color: var(--_primary-contrast);
    border-color: var(--_primary);
    font-weight: 700;
  }
  .gap {
    padding: 0 0.3rem;
  }

  /* dialogs */
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1.25rem;
    width: min(30rem, 92vw);
    color: var(--_text);
    font-family: var(--_font);
  }
  dialog h2 {
    font-size: 1.15rem;
    margin: 0 0 0.75rem;
    color: var(--_primary);
  }
  dialog legend {
    font-weight: 600;
    margin-bottom: 0.4rem;
  }
  dialog label.field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-top: 0.75rem;
  }
  dialog input[type='text'] {
    width: 100%;
    margin-top: 0.25rem;
  }
  .field-error {
    color: var(--_error);
    margin: 0.3rem 0 0;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
    margin-top: 1rem;
  }

  @container (max-width: 639.98px) {
    .table-wrap {
      display: none;
    }
    .cards {
      display: block;
    }
    [part='create'] {
      margin-inline-start: 0;
      flex: 1 1 100%;
      justify-content: center;
    }
    .advanced-toggle {
      flex: 1 1 auto;
      justify-content: center;
    }
    .legend {
      margin-left: 0;
    }
    .filter,
    .filter-button {
      width: 100%;
    }
    .filter-value {
      max-width: none;
    }
    .popup {
      width: 100%;
      max-width: none;
    }
  }
`;
