// Custom-elements manifest of @akto/elements (attributes, properties, events, slots, parts and CSS
// properties, read from the classes and their JSDoc) for Storybook's autodocs. Generated, not committed:
// `npm run manifest` writes packages/elements/custom-elements.json (run by `storybook`, `build-storybook`
// and `test:storybook`).

/** JSDoc tags the analyzer reads one per line; the elements often write several on one line. */
const LIST_TAGS = { csspart: 'cssParts', cssproperty: 'cssProperties', cssprop: 'cssProperties', slot: 'slots', cssstate: 'cssStates' };

/** `@tag name - description` items of a JSDoc comment, wherever they stand on their lines. */
function jsdocItems(comment) {
  const text = comment
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join(' ');
  const items = [];
  for (const m of text.matchAll(/(?:^|\s)@(\w+)\s+(\S+)(?:\s+-\s+)?([\s\S]*?)(?=\s@\w+\s|$)/g)) {
    const [, tag, name, description] = m;
    if (tag in LIST_TAGS) items.push({ key: LIST_TAGS[tag], name, description: description.replace(/\s+/g, ' ').trim() });
  }
  return items;
}

/**
 * Splits the tags written several to a line; drops the events the analyzer names after a variable
 * (`new Event(type)`) and the private, protected and static members (not the elements' API).
 */
function aktoJsdoc() {
  const variableEvents = new Set();
  return {
    name: 'akto-jsdoc',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isNewExpression(node) && ['Event', 'CustomEvent'].includes(node.expression.getText()) && node.arguments?.[0] && ts.isIdentifier(node.arguments[0])) {
        variableEvents.add(node.arguments[0].getText());
      }
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      const comment = (node.jsDoc ?? []).map((d) => d.getText()).join('\n');
      if (!declaration || !comment) return;
      const items = jsdocItems(comment);
      for (const key of new Set(items.map((i) => i.key))) {
        declaration[key] = items.filter((i) => i.key === key).map(({ name, description }) => ({ name, description }));
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.events) d.events = d.events.filter((e) => !variableEvents.has(e.name));
          if (d.members) d.members = d.members.filter((m) => !m.static && (!m.privacy || m.privacy === 'public') && !m.name.startsWith('#'));
        }
      }
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts', '**/generated/**'],
  outdir: 'packages/elements',
  litelement: true,
  // packages/elements/package.json already points at the manifest ("customElements"); leave package.json files alone.
  packagejson: false,
  plugins: [aktoJsdoc()],
};
