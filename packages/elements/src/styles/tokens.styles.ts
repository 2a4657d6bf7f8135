import { css } from 'lit';

/**
 * Design tokens, all overridable by the host page (`--akto-*` custom properties cross shadow roots).
 * Colours meet WCAG 2.1 AA contrast on white.
 */
export const tokens = css`
  :host {
    --_primary: var(--akto-color-primary, #1b3a6b);
    --_primary-contrast: var(--akto-color-primary-contrast, #ffffff);
    --_text: var(--akto-color-text, #1d1d1b);
    --_muted: var(--akto-color-muted, #555a60);
    --_border: var(--akto-color-border, #767b82);
    --_surface: var(--akto-color-surface, #ffffff);
    --_readonly: var(--akto-color-readonly, #eceef1);
    --_error: var(--akto-color-error, #b3261e);
    --_error-bg: var(--akto-color-error-bg, #fdecea);
    --_warning: var(--akto-color-warning, #7a4f00);
    --_warning-bg: var(--akto-color-warning-bg, #fff4d6);
    --_success: var(--akto-color-success, #1b6e3a);
    --_focus: var(--akto-color-focus, #0b57d0);
    --_radius: var(--akto-radius, 6px);
    --_font: var(--akto-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_space: var(--akto-space, 0.5rem);
    font-family: var(--_font);
    color: var(--_text);
  }
`;
