import { css } from 'lit';

/** The date input and its calendar button (the calendar's own styles load with it: ./date-calendar.styles.ts). */
export const fieldDateStyles = css`
  [part='hint'] .hint-line {
    display: block;
  }
  .control {
    position: relative;
    display: flex;
    gap: 0.4rem;
    align-items: stretch;
    max-width: 16rem;
  }
  .control input {
    flex: 1 1 auto;
    min-width: 0;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
  }
  .toggle {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2.75rem;
    min-height: 2.75rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
  }
  .toggle:disabled {
    background: var(--_readonly);
    color: var(--_muted);
  }
  .toggle svg {
    width: 1.35rem;
    height: 1.35rem;
  }
`;
