/** The raw JSON of schemas/ bundled by ../files-plugin.mjs. */
declare module 'virtual:akto-designer-files' {
  const files: {
    /** Each dispositif folder by id, its files' text by relative path. */
    dispositifs: Record<string, Record<string, string>>;
    common: Record<string, string>;
    meta: Record<string, string>;
  };
  export default files;
}
