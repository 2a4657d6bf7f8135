import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bindIndex, expandPointer, getAt, pointersOverlap, setAt, toPattern } from '../src/pointer/json-pointer.js';

test('getAt reads nested values and never walks the prototype', () => {
  const data = { a: { 'b/c': [1, { d: 'x' }] } };
  assert.equal(getAt(data, '/a/b~1c/1/d'), 'x');
  assert.equal(getAt(data, '/a/missing/d'), undefined);
  assert.equal(getAt(data, '/a/constructor'), undefined);
  assert.equal(getAt('text', '/length'), undefined);
  assert.equal(getAt(null, '/a'), undefined);
});

test('setAt copies along the path, creates containers and deletes with undefined', () => {
  const data = { a: { b: 1 }, keep: { k: 1 } };
  const out = setAt(data, '/a/c/0/d', 'v');
  assert.deepEqual(out, { a: { b: 1, c: [{ d: 'v' }] }, keep: { k: 1 } });
  assert.equal(out.keep, data.keep, 'untouched branches are shared');
  assert.deepEqual(data, { a: { b: 1 }, keep: { k: 1 } }, 'input unchanged');
  assert.deepEqual(setAt(out, '/a/b', undefined), { a: { c: [{ d: 'v' }] }, keep: { k: 1 } });
  assert.throws(() => setAt({}, '/__proto__/x', 1), RangeError);
});

test('wildcards expand over array items and bind to one item', () => {
  const data = { t: [{ n: 'a' }, { n: 'b' }] };
  assert.deepEqual(expandPointer(data, '/t/*/n'), ['/t/0/n', '/t/1/n']);
  assert.deepEqual(expandPointer({}, '/t/*/n'), []);
  assert.equal(bindIndex('/t/*/n', '/t', 1), '/t/1/n');
  assert.equal(bindIndex('/u/*/n', '/t', 1), '/u/*/n');
  assert.equal(toPattern('/t/12/n'), '/t/*/n');
  assert.ok(pointersOverlap('/t/*/n', '/t/3/n'));
  assert.ok(pointersOverlap('/t', '/t/3/n'));
  assert.ok(!pointersOverlap('/t/*/n', '/t/3/m'));
});
