import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectReads, compileExpr, ExpressionError, type EvalContext } from '../src/expressions/evaluate.js';
import type { Expr } from '../src/models/expression.js';

const ctx = (data: unknown, extra: Partial<EvalContext> = {}): EvalContext => ({ data, today: '2025-06-15', lists: {}, ...extra });
const run = (expr: Expr, data: unknown = {}, extra?: Partial<EvalContext>) => compileExpr(expr)(ctx(data, extra));

test('comparisons are unknown (undefined) when an operand is missing, so rules stay silent', () => {
  assert.equal(run({ gt: [{ var: '/a' }, 1] }, { a: 2 }), true);
  assert.equal(run({ gt: [{ var: '/a' }, 1] }, {}), undefined);
  assert.equal(run({ and: [false, { var: '/x' }] }), false);
  assert.equal(run({ and: [true, { eq: [{ var: '/x' }, 1] }] }), undefined);
  assert.equal(run({ or: [true, { var: '/x' }] }), true);
  assert.equal(run({ not: { eq: [{ var: '/x' }, 1] } }), undefined);
  assert.equal(run({ eq: [{ var: '/x', default: 0 }, 0] }), true);
  assert.equal(run({ coalesce: [{ var: '/x' }, { today: true }] }), '2025-06-15');
});

test('date arithmetic: age at a date, months with the end day included, days between', () => {
  assert.equal(run({ ageAt: ['2009-06-15', '2025-06-15'] }), 16);
  assert.equal(run({ ageAt: ['2009-06-16', '2025-06-15'] }), 15);
  assert.equal(run({ monthsBetween: ['2025-09-01', '2026-02-28'] }), 6);
  assert.equal(run({ monthsBetween: ['2025-09-01', '2026-02-27'] }), 5);
  assert.equal(run({ daysBetween: ['2025-01-01', '2025-03-01'] }), 59);
  assert.equal(run({ addMonths: ['2025-01-31', 1] }), '2025-02-28');
  assert.equal(run({ addDays: ['2024-02-28', 1] }), '2024-02-29');
  assert.equal(run({ ageAt: ['2024-02-31', '2025-06-15'] }), undefined, 'an impossible date is unknown, not a crash');
  assert.equal(run({ year: '1990-01-01' }), 1990);
  assert.equal(run({ month: { today: true } }), 6);
});

test('sums and counts over repeated items; membership in lists and code lists', () => {
  const data = { couts: [{ montant: 10.1 }, { montant: 20.2 }, { montant: 'x' }, {}] };
  assert.equal(run({ sum: '/couts/*/montant' }, data), 30.3);
  assert.equal(run({ sum: '/absent/*/montant' }, data), 0);
  assert.equal(run({ count: '/couts' }, data), 4);
  assert.equal(run({ count: '/couts/*/montant' }, data), 3);
  assert.equal(run({ in: [{ var: '/a' }, ['x', 'y']] }, { a: 'y' }), true);
  const lists = { l: { id: 'l', label: 'L', entries: [{ code: 'A', label: 'a' }] } };
  assert.equal(run({ inList: [{ var: '/a' }, 'l'] }, { a: 'A' }, { lists }), true);
  assert.equal(run({ inList: [{ var: '/a' }, 'l'] }, { a: 'B' }, { lists }), false);
});

test('text and number helpers', () => {
  assert.equal(run({ num: { slice: ['188057511200132', 1, 3] } }), 88);
  assert.equal(run({ num: 'abc' }), undefined);
  assert.equal(run({ mod: [1988, 100] }), 88);
  assert.equal(run({ div: [1, 0] }), undefined);
  assert.equal(run({ upper: 'dupont' }), 'DUPONT');
  assert.equal(run({ concat: ['a', 1, null] }), 'a1');
  assert.equal(run({ matches: ['RNCP123', '^RNCP\\d+$'] }), true);
  assert.equal(run({ length: 'Œuvre' }), 5);
  assert.equal(run({ if: [{ gt: [2, 1] }, 'oui', 'non'] }), 'oui');
  assert.equal(run({ role: true }, {}, { role: 'prestataire' }), 'prestataire');
});

test('forEach binding resolves the item index in pointers', () => {
  const data = { t: [{ d: 1 }, { d: 5 }] };
  const expr: Expr = { gt: [{ var: '/t/*/d' }, 2] };
  assert.equal(compileExpr(expr)(ctx(data, { bind: { array: '/t', index: 0 } })), false);
  assert.equal(compileExpr(expr)(ctx(data, { bind: { array: '/t', index: 1 } })), true);
});

test('reads: vars must be filled, presence tests and sums need not', () => {
  const reads = collectReads({ and: [{ gt: [{ var: '/a' }, { var: '/b', default: 0 }] }, { present: '/c' }, { gt: [{ sum: '/d/*/m' }, 0] }, { coalesce: [{ var: '/e' }, 1] }] });
  assert.deepEqual(reads.required, ['/a']);
  assert.deepEqual(reads.optional.sort(), ['/b', '/c', '/d/*/m', '/e']);
});

test('malformed expressions are refused with a French message', () => {
  assert.throws(() => compileExpr({ nope: 1 } as unknown as Expr), ExpressionError);
  assert.throws(() => compileExpr({ eq: [1] } as unknown as Expr), /deux expressions/);
  assert.throws(() => compileExpr({ var: 'no-slash' }), /Invalid JSON pointer/);
});
