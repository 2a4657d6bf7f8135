import { css } from 'lit';

/** Helpers every element shares: text for screen readers only, the two button colourings, the focus ring. */
export const utilities = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  button.action,
  button.primary {
    background: var(--_primary);
    color: var(--_primary-contrast);
    border: 1px solid var(--_primary);
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_primary);
    border: 1px solid var(--_primary);
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
