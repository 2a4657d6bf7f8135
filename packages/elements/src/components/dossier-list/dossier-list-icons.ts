/** Line icons of the list (decorative: the element always gives a text alternative beside them). */
import { svg, type SVGTemplateResult } from 'lit';

const icon = (body: SVGTemplateResult) =>
  svg`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const icons = {
  detail: icon(svg`<circle cx="5" cy="12" r="1.3" fill="currentColor"/><circle cx="12" cy="12" r="1.3" fill="currentColor"/><circle cx="19" cy="12" r="1.3" fill="currentColor"/>`),
  consulter: icon(svg`<path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>`),
  modifier: icon(svg`<path d="M4 20h4L19 9l-4-4L4 16v4z"/><path d="M13.5 6.5l4 4"/>`),
  dupliquer: icon(svg`<rect x="9" y="9" width="11" height="11" rx="2"/><path d="M5 15V6a2 2 0 0 1 2-2h8"/>`),
  supprimer: icon(svg`<path d="M4 7h16"/><path d="M9 7V4h6v3"/><path d="M6 7l1 13h10l1-13"/><path d="M10 11v6M14 11v6"/>`),
  mandat: icon(svg`<rect x="3" y="7" width="18" height="13" rx="2"/><path d="M8 7V5a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2"/><path d="M3 13h18"/>`),
  subrogation: icon(svg`<path d="M17 6.5A6.5 6.5 0 1 0 17 17.5"/><path d="M4 10h9M4 14h9"/>`),
  alerte: icon(svg`<path d="M12 3L2 20h20L12 3z"/><path d="M12 10v4"/><path d="M12 17h.01"/>`),
  reset: icon(svg`<path d="M4 12a8 8 0 1 0 2.4-5.7"/><path d="M4 4v4h4"/>`),
  save: icon(svg`<path d="M5 3h11l3 3v15H5V3z"/><path d="M8 3v5h7V3"/><path d="M8 14h8v7H8z"/>`),
  previous: icon(svg`<path d="M15 5l-7 7 7 7"/>`),
  next: icon(svg`<path d="M9 5l7 7-7 7"/>`),
  search: icon(svg`<circle cx="11" cy="11" r="6.5"/><path d="M16 16l5 5"/>`),
  close: icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`),
  chevron: icon(svg`<path d="M6 9l6 6 6-6"/>`),
};
