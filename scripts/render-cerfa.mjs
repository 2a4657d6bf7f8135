#!/usr/bin/env node
// npm run cerfa:render: each dispositif's document from its valid example, as PDF and PNG (page 1),
// in tmp/cerfa/, for a person to look at. Needs poppler-utils (pdftoppm).
import { mkdirSync } from 'node:fs';
import { ensureBuilt, sh } from './bootstrap.mjs';

ensureBuilt();
mkdirSync('tmp/cerfa', { recursive: true });
for (const id of ['cpro', 'proa', 'car', 'af']) {
  sh(process.execPath, ['packages/engine/bin/akto-forms.js', 'cerfa', `schemas/${id}/examples/valid.json`, '--brouillon', '-o', `tmp/cerfa/${id}.pdf`]);
  sh('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', `tmp/cerfa/${id}.pdf`, `tmp/cerfa/${id}`]);
}
console.log('tmp/cerfa/*.pdf et *.png écrits.');
