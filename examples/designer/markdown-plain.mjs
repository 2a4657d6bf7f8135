// codemirror-json-schema renders schema descriptions and messages as Markdown, highlighting code with shiki
// (loaded at import time: grammars, themes and an async start-up). The meta-schemas' descriptions are plain
// French sentences: markdown-it alone renders them, HTML in them escaped (html: false).
import markdownIt from 'markdown-it';

const renderer = markdownIt({ html: false, linkify: true, typographer: true });

export function renderMarkdown(markdown, inline = true) {
  return inline ? renderer.renderInline(markdown) : renderer.render(markdown);
}
