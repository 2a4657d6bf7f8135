import { css } from 'lit';

/** The calendar popup of akto-field-date, adopted by the field's shadow root when the calendar first opens. */
export const dateCalendarStyles = css`
  [part='calendar'] {
    position: absolute;
    z-index: 1000;
    top: calc(100% + 0.25rem);
    left: 0;
    box-sizing: border-box;
    width: min(20rem, calc(100vw - 2rem));
    padding: 0.5rem;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 6px 20px rgb(0 0 0 / 18%);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem;
    margin-bottom: 0.35rem;
  }
  .title {
    display: flex;
    gap: 0.15rem;
    align-items: center;
    justify-content: center;
    flex: 1;
    font-weight: 600;
  }
  .nav,
  .title button {
    min-width: 2.75rem;
    min-height: 2.75rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_primary);
    font-weight: 600;
    padding: 0 0.5rem;
  }
  .nav {
    font-size: 1.4rem;
    line-height: 1;
  }
  .nav:hover:not(:disabled),
  .title button:hover,
  .cells button:hover:not([aria-disabled='true']),
  td:hover:not([aria-disabled='true']) {
    background: var(--_readonly);
  }
  .nav:disabled {
    color: var(--_muted);
    opacity: 0.5;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th {
    font-size: 0.8rem;
    font-weight: 600;
    color: var(--_muted);
    padding: 0.25rem 0;
    text-align: center;
  }
  td {
    height: 2.5rem;
    padding: 0;
    text-align: center;
    border-radius: var(--_radius);
    cursor: pointer;
    font-variant-numeric: tabular-nums;
  }
  td.outside {
    color: var(--_muted);
  }
  td[aria-current='date'],
  .cells button.today {
    font-weight: 700;
    box-shadow: inset 0 0 0 2px var(--_primary);
  }
  td[aria-selected='true'],
  .cells button[aria-current='true'] {
    background: var(--_primary);
    color: var(--_primary-contrast);
  }
  td[aria-selected='true']:hover,
  .cells button[aria-current='true']:hover {
    background: var(--_primary);
  }
  td[aria-disabled='true'],
  .cells button[aria-disabled='true'] {
    color: var(--_muted);
    text-decoration: line-through;
    cursor: not-allowed;
  }
  td:focus,
  .cells button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .cells {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 0.35rem;
  }
  .cells button {
    min-height: 2.75rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
  }
  @media (forced-colors: active) {
    td[aria-selected='true'],
    .cells button[aria-current='true'] {
      outline: 2px solid CanvasText;
    }
  }
`;
