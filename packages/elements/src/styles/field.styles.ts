import { css } from 'lit';

/** Shared look of every field: label, asterisk, help, control, messages. */
export const fieldStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  label,
  .label,
  legend {
    font-weight: 600;
    font-size: 0.95rem;
  }
  .asterisk {
    color: var(--_error);
    margin-right: 0.15rem;
  }
  [part='hint'] {
    color: var(--_muted);
    font-size: 0.85rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.45rem 0.6rem;
    min-height: 2.5rem;
    box-sizing: border-box;
    width: 100%;
  }
  input[readonly],
  textarea[readonly],
  select:disabled,
  :host([readonly]) input,
  :host([readonly]) select {
    background: var(--_readonly);
    color: var(--_muted);
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .message {
    display: flex;
    gap: 0.35rem;
    align-items: flex-start;
    font-size: 0.85rem;
    padding: 0.2rem 0.4rem;
    border-radius: var(--_radius);
    border: 0;
    background: none;
    text-align: left;
    font-family: inherit;
    cursor: pointer;
    width: 100%;
  }
  .message .text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  .message[aria-expanded='true'] .text {
    white-space: normal;
  }
  [part~='error'],
  [part~='error'] .message {
    color: var(--_error);
    background: var(--_error-bg);
  }
  [part~='warning'],
  [part~='warning'] .message {
    color: var(--_warning);
    background: var(--_warning-bg);
    border-left: 4px solid var(--_warning);
  }
  .choices {
    display: flex;
    gap: 1.25rem;
    flex-wrap: wrap;
  }
  .choice,
  .check {
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
    font-weight: 400;
    min-height: 2.75rem;
  }
  .choice input,
  .check input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    flex: none;
  }
  .check {
    align-items: flex-start;
  }
  .check input {
    margin-top: 0.15rem;
  }
  button.clear {
    align-self: flex-start;
    font: inherit;
    font-size: 0.8rem;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
    padding: 0.1rem 0;
  }
  [part='counter'] {
    font-size: 0.8rem;
    color: var(--_muted);
  }
  [part='counter'].over {
    color: var(--_error);
    font-weight: 600;
  }
  .with-unit {
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  .unit {
    color: var(--_muted);
    white-space: nowrap;
  }
  [part~='message'] {
    border-radius: var(--_radius);
  }
  .icon {
    flex: none;
    font-weight: 700;
  }
`;
