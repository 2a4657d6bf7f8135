import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const EVAL = /\bnew\s+Function\s*\(|(?<![.\w])eval\s*\(|\bFunction\s*\(\s*["'`]/;

function jsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

test('shipped code holds no eval or new Function (runs under a strict CSP)', () => {
  const files = [...jsFiles(join(ROOT, 'packages/engine/bundle')), ...jsFiles(join(ROOT, 'schemas/dist'))];
  assert.ok(files.some((f) => f.includes('bundle/akto-engine.js')), 'the engine bundle was built (npm run build)');
  assert.ok(files.some((f) => f.endsWith('dist/cpro/cpro.js')), 'the CPRO artifact was built');
  for (const f of files) assert.doesNotMatch(readFileSync(f, 'utf8'), EVAL, f);
});

test('the guard itself catches what it must', () => {
  for (const bad of ['x = new Function("a", "return a")', 'eval("1")', 'Function("return this")()']) assert.match(bad, EVAL);
  for (const ok of ['retrieval(1)', 'obj.eval(x)', 'function f() {}']) assert.doesNotMatch(ok, EVAL);
});

test('the engine core is DOM-free and Node-free (only build/, cli/, node/ use Node)', () => {
  const src = join(ROOT, 'packages/engine/src');
  const nodeOnly = ['build', 'cli', 'node'];
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !nodeOnly.some((d) => f.startsWith(join(src, d))));
  assert.ok(files.length > 10);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.ok(!/from ['"]node:|\bprocess\.|\brequire\(/.test(text), `${f} must not use Node`);
    assert.ok(!/(?<![\w'"`.-])(document|window|localStorage|HTMLElement)\s*[.[]/.test(text), `${f} must not use the DOM`);
  }
});
