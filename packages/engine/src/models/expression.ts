/**
 * Conditions written as data. Literals evaluate to themselves; every other form is an
 * object with exactly one operator key. See schemas/README.md for the designer's view.
 */
export type Literal = string | number | boolean | null;

export type Expr =
  | Literal
  | { var: string; default?: Literal }
  | { today: true }
  | { role: true }
  | { present: string }
  | { absent: string }
  | { eq: [Expr, Expr] }
  | { ne: [Expr, Expr] }
  | { lt: [Expr, Expr] }
  | { lte: [Expr, Expr] }
  | { gt: [Expr, Expr] }
  | { gte: [Expr, Expr] }
  | { and: Expr[] }
  | { or: Expr[] }
  | { not: Expr }
  | { if: [Expr, Expr, Expr] }
  | { coalesce: Expr[] }
  | { in: [Expr, Literal[]] }
  | { inList: [Expr, string] }
  | { matches: [Expr, string] }
  | { add: Expr[] }
  | { sub: [Expr, Expr] }
  | { mul: Expr[] }
  | { div: [Expr, Expr] }
  | { mod: [Expr, Expr] }
  | { num: Expr }
  | { length: Expr }
  | { slice: [Expr, number, number?] }
  | { upper: Expr }
  | { concat: Expr[] }
  | { year: Expr }
  | { month: Expr }
  | { ageAt: [Expr, Expr] }
  | { monthsBetween: [Expr, Expr] }
  | { daysBetween: [Expr, Expr] }
  | { addDays: [Expr, Expr] }
  | { addMonths: [Expr, Expr] }
  | { sum: string }
  | { count: string }
  | { includesAll: [string, Literal[]] };

export const OPERATORS = [
  'var', 'today', 'role', 'present', 'absent', 'eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'and', 'or', 'not', 'if', 'coalesce',
  'in', 'inList', 'matches', 'add', 'sub', 'mul', 'div', 'mod', 'num', 'length', 'slice', 'upper', 'concat',
  'year', 'month', 'ageAt', 'monthsBetween', 'daysBetween', 'addDays', 'addMonths', 'sum', 'count', 'includesAll',
] as const;
export type Operator = (typeof OPERATORS)[number];
