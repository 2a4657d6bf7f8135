/**
 * Story ids of the generated stories, computed the same way by the indexer (Node, .storybook/catalog.ts)
 * and by the stories themselves (`parameters.__id`), as Storybook's `toId(title, name)` would.
 */
export function sanitize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function storyId(title: string, name: string): string {
  return `${sanitize(title)}--${sanitize(name)}`;
}
