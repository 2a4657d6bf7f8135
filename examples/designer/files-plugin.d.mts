import type { Plugin } from 'rollup';

export declare const DESIGNER_FILES: 'virtual:akto-designer-files';
/** The rollup / Vite plugin giving `virtual:akto-designer-files` (the raw JSON of `schemasDir`). */
export declare function designerFiles(schemasDir: string): Plugin;
/** codemirror-json-schema's Markdown renderer without shiki. */
export declare function plainMarkdown(): Plugin;
