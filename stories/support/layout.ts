/** The frame of the generated stories: a card saying what is checked, above the element under test. */

const STYLE = `
.akto-story { font-family: system-ui, sans-serif; padding: 1rem; display: grid; gap: 1rem; }
.akto-story .card { border: 1px solid #c9d3df; border-left: 4px solid #2a5599; border-radius: 4px; padding: 0.75rem 1rem; background: #f7f9fc; }
.akto-story .card h2 { font-size: 1rem; margin: 0 0 0.5rem; font-family: ui-monospace, monospace; }
.akto-story .card dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; font-size: 0.875rem; }
.akto-story .card dt { font-weight: 600; }
.akto-story .card dd { margin: 0; }
`;

/** A titled list of facts (rows with an empty value are left out). */
export function card(title: string, rows: [string, string][]): HTMLElement {
  const section = document.createElement('section');
  section.className = 'card';
  const h = document.createElement('h2');
  h.textContent = title;
  const dl = document.createElement('dl');
  for (const [k, v] of rows) {
    if (!v) continue;
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
  section.append(h, dl);
  return section;
}

/** The card, then a `.stage` holding the element (play functions may replace what the stage holds). */
export function stage(info: HTMLElement, element: HTMLElement): HTMLElement {
  const root = document.createElement('div');
  root.className = 'akto-story';
  const style = document.createElement('style');
  style.textContent = STYLE;
  const holder = document.createElement('div');
  holder.className = 'stage';
  holder.append(element);
  root.append(style, info, holder);
  return root;
}
