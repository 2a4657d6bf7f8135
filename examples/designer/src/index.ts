/** The designer page's entry: the <akto-definition-designer> element (bundled to dist/designer.js). */
export { AktoDefinitionDesigner } from './definition-designer.js';
