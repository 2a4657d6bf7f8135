import { css } from 'lit';

/** Look of the pop-up list shared by akto-field-select and akto-field-autocomplete. */
export const listboxStyles = css`
  .wrap {
    position: relative;
  }
  [hidden] {
    display: none !important;
  }
  .popup {
    position: absolute;
    z-index: var(--akto-popup-z-index, 20);
    left: 0;
    right: 0;
    top: calc(100% + 2px);
    margin: 0;
    padding: 0.25rem 0;
    box-sizing: border-box;
    max-height: var(--akto-listbox-max-height, 18rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.2);
  }
  [role='option'] {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.35rem 0.75rem;
    box-sizing: border-box;
    cursor: pointer;
    overflow-wrap: anywhere;
    line-height: 1.3;
  }
  [role='option']:hover {
    background: var(--_readonly);
  }
  [role='option'].active {
    background: var(--_primary);
    color: var(--_primary-contrast);
    outline: 2px solid transparent;
  }
  [role='option'] .tick {
    flex: none;
    width: 1rem;
    text-align: center;
  }
  @media (forced-colors: active) {
    [role='option'].active {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
  }
`;
