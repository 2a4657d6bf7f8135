import { css } from 'lit';

/** Look of <akto-documents>, on top of the shared tokens and field styles. */
export const documentsStyles = css`
  [part='base'] {
    gap: 1rem;
  }
  p {
    margin: 0;
  }
  [part~='counter'] .icon {
    font-size: 1.15rem;
    line-height: 1;
  }
  [part='heading'] {
    font-weight: 700;
    font-size: 1.05rem;
    margin: 0;
  }
  [part~='counter'] {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    font-size: 0.95rem;
    font-weight: 600;
    color: var(--_warning);
  }
  [part~='counter'].complete {
    color: var(--_success);
  }
  .types {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }
  [part~='type'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    min-width: 0;
  }
  [part~='type'].missing {
    border-left: 4px solid var(--_error);
  }
  .type-label {
    font-weight: 600;
    font-size: 0.95rem;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .type-help,
  .limits {
    color: var(--_muted);
    font-size: 0.85rem;
    margin: 0;
  }
  [part='dropzone'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    padding: 0.6rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part='dropzone'].over {
    border-color: var(--_focus);
    border-style: solid;
    background: var(--akto-color-dropzone-over, #e8f0fe);
  }
  .drop-text {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  input[type='file'] {
    display: none;
  }
  .button {
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem;
    padding: 0.4rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_primary-contrast);
    cursor: pointer;
  }
  .button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  .button.link {
    border-color: transparent;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    font-weight: 400;
    padding: 0.4rem 0.5rem;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  [part='files'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='file'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.2rem 0;
    border-bottom: 1px solid var(--_readonly);
  }
  .file-name {
    flex: 1 1 12rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .file-size,
  .pending,
  .empty {
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .type-actions,
  .add {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .add select {
    width: auto;
    min-height: 2.75rem;
  }
  [part~='type-messages'] {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  [part~='type-messages'] p {
    margin: 0;
    display: flex;
    gap: 0.35rem;
    font-size: 0.85rem;
    padding: 0.2rem 0.4rem;
    border-radius: var(--_radius);
    color: var(--_error);
    background: var(--_error-bg);
    overflow-wrap: anywhere;
  }
`;
