/**
 * Compiles a data-written condition (see models/expression.ts) into a closure.
 * Three-valued: an operator whose input is unknown (absent field, invalid date)
 * yields `undefined`, and a rule only fires on a definite `false`.
 */
import type { Expr, Literal, Operator } from '../models/expression.js';
import { OPERATORS } from '../models/expression.js';
import type { CodeList, Role } from '../models/definition.js';
import { compilePointer, starsLeft, valueAt, valuesAt, type Bind, type CompiledPointer } from '../pointer/compiled-pointer.js';
import { addDays, addMonths, ageAt, daysBetween, monthsBetween, parseIsoDate, toIsoDate } from './dates.js';

export interface EvalContext {
  data: unknown;
  role?: Role | undefined;
  /** ISO date. */
  today: string;
  lists: Record<string, CodeList>;
  /** Array pointer and item index bound by a rule's `forEach`. */
  bind?: Bind | undefined;
}

export type Value = Literal | undefined;
export type Compiled = (ctx: EvalContext) => Value;

export class ExpressionError extends Error {}

const isOperator = (key: string): key is Operator => (OPERATORS as readonly string[]).includes(key);

function operatorOf(expr: object): [Operator, unknown] {
  const keys = Object.keys(expr).filter((k) => k !== 'default');
  const key = keys[0];
  if (keys.length !== 1 || key === undefined || !isOperator(key)) {
    throw new ExpressionError(`Expression inconnue : ${JSON.stringify(expr).slice(0, 120)}`);
  }
  return [key, (expr as Record<string, unknown>)[key]];
}

function asLiteral(value: unknown): Value {
  if (value === undefined || value === null) return value as undefined | null;
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? (value as Literal) : undefined;
}

/** A filled value: not undefined/null, not blank text, not an empty array. */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const num = (v: Value): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const date = (v: Value) => parseIsoDate(v);

function compare(a: Value, b: Value): number | undefined {
  if (a === undefined || b === undefined || a === null || b === null) return undefined;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function many(args: unknown, op: string): Compiled[] {
  if (!Array.isArray(args)) throw new ExpressionError(`« ${op} » attend une liste d'expressions`);
  return args.map((a) => compileExpr(a as Expr));
}

function two(args: unknown, op: string): [Compiled, Compiled] {
  const list = many(args, op);
  if (list.length !== 2) throw new ExpressionError(`« ${op} » attend exactement deux expressions`);
  return list as [Compiled, Compiled];
}

/** A pointer argument, compiled once (a `*` under the bound array reads the bound item). */
function pointerArg(arg: unknown, op: string): CompiledPointer {
  if (typeof arg !== 'string') throw new ExpressionError(`« ${op} » attend un pointeur JSON`);
  return compilePointer(arg);
}

export function compileExpr(expr: Expr): Compiled {
  if (expr === null || typeof expr !== 'object') {
    const value = expr;
    return () => value;
  }
  if (Array.isArray(expr)) throw new ExpressionError('Une liste n’est pas une expression');
  const [op, args] = operatorOf(expr);
  switch (op) {
    case 'var': {
      const pattern = pointerArg(args, op);
      const fallback = (expr as { default?: Literal }).default;
      return (ctx) => {
        const value = asLiteral(valueAt(ctx.data, pattern, ctx.bind));
        return value === undefined || value === null || value === '' ? (fallback ?? value) : value;
      };
    }
    case 'today':
      return (ctx) => ctx.today;
    case 'role':
      return (ctx) => ctx.role;
    case 'present':
    case 'absent': {
      const pattern = pointerArg(args, op);
      const want = op === 'present';
      return (ctx) => isFilled(valueAt(ctx.data, pattern, ctx.bind)) === want;
    }
    case 'eq':
    case 'ne': {
      const [a, b] = two(args, op);
      return (ctx) => {
        const x = a(ctx);
        const y = b(ctx);
        if (x === undefined || y === undefined) return undefined;
        return op === 'eq' ? x === y : x !== y;
      };
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const [a, b] = two(args, op);
      return (ctx) => {
        const c = compare(a(ctx), b(ctx));
        if (c === undefined) return undefined;
        return op === 'lt' ? c < 0 : op === 'lte' ? c <= 0 : op === 'gt' ? c > 0 : c >= 0;
      };
    }
    case 'and': {
      const parts = many(args, op);
      return (ctx) => {
        let unknown = false;
        for (const p of parts) {
          const v = p(ctx);
          if (v === false) return false;
          if (v === undefined) unknown = true;
        }
        return unknown ? undefined : true;
      };
    }
    case 'or': {
      const parts = many(args, op);
      return (ctx) => {
        let unknown = false;
        for (const p of parts) {
          const v = p(ctx);
          if (v === true) return true;
          if (v === undefined) unknown = true;
        }
        return unknown ? undefined : false;
      };
    }
    case 'not': {
      const inner = compileExpr(args as Expr);
      return (ctx) => {
        const v = inner(ctx);
        return v === undefined ? undefined : !v;
      };
    }
    case 'if': {
      const [c, t, e] = many(args, op) as [Compiled, Compiled, Compiled];
      if (!e) throw new ExpressionError('« if » attend [condition, alors, sinon]');
      return (ctx) => {
        const v = c(ctx);
        return v === undefined ? undefined : v ? t(ctx) : e(ctx);
      };
    }
    case 'coalesce': {
      const parts = many(args, op);
      return (ctx) => {
        for (const p of parts) {
          const v = p(ctx);
          if (v !== undefined && v !== null && v !== '') return v;
        }
        return undefined;
      };
    }
    case 'in': {
      if (!Array.isArray(args) || args.length !== 2 || !Array.isArray(args[1])) {
        throw new ExpressionError('« in » attend [expression, [valeurs]]');
      }
      const value = compileExpr(args[0] as Expr);
      const set = new Set(args[1] as Literal[]);
      return (ctx) => {
        const v = value(ctx);
        return v === undefined ? undefined : set.has(v);
      };
    }
    case 'inList': {
      if (!Array.isArray(args) || args.length !== 2 || typeof args[1] !== 'string') {
        throw new ExpressionError('« inList » attend [expression, identifiant de liste]');
      }
      const value = compileExpr(args[0] as Expr);
      const listId = args[1];
      return (ctx) => {
        const v = value(ctx);
        const list = ctx.lists[listId];
        if (v === undefined || !list) return undefined;
        return list.entries.some((e) => e.code === v);
      };
    }
    case 'matches': {
      if (!Array.isArray(args) || args.length !== 2 || typeof args[1] !== 'string') {
        throw new ExpressionError('« matches » attend [expression, expression régulière]');
      }
      const value = compileExpr(args[0] as Expr);
      const re = new RegExp(args[1], 'u');
      return (ctx) => {
        const v = value(ctx);
        return typeof v === 'string' ? re.test(v) : undefined;
      };
    }
    case 'add':
    case 'mul': {
      const parts = many(args, op);
      return (ctx) => {
        let acc = op === 'add' ? 0 : 1;
        for (const p of parts) {
          const v = num(p(ctx));
          if (v === undefined) return undefined;
          acc = op === 'add' ? acc + v : acc * v;
        }
        return acc;
      };
    }
    case 'sub':
    case 'div':
    case 'mod': {
      const [a, b] = two(args, op);
      return (ctx) => {
        const x = num(a(ctx));
        const y = num(b(ctx));
        if (x === undefined || y === undefined) return undefined;
        if (op === 'sub') return x - y;
        if (y === 0) return undefined;
        return op === 'div' ? x / y : x % y;
      };
    }
    case 'num': {
      const inner = compileExpr(args as Expr);
      return (ctx) => {
        const v = inner(ctx);
        if (typeof v === 'number') return v;
        if (typeof v !== 'string' || !/^\s*-?\d+(?:[.,]\d+)?\s*$/.test(v)) return undefined;
        return Number(v.replace(',', '.'));
      };
    }
    case 'length': {
      const inner = compileExpr(args as Expr);
      return (ctx) => {
        const v = inner(ctx);
        return typeof v === 'string' ? [...v].length : undefined;
      };
    }
    case 'slice': {
      if (!Array.isArray(args) || args.length < 2) throw new ExpressionError('« slice » attend [texte, début, fin?]');
      const value = compileExpr(args[0] as Expr);
      const start = args[1] as number;
      const end = args[2] as number | undefined;
      return (ctx) => {
        const v = value(ctx);
        return typeof v === 'string' ? v.slice(start, end) : undefined;
      };
    }
    case 'upper': {
      const inner = compileExpr(args as Expr);
      return (ctx) => {
        const v = inner(ctx);
        return typeof v === 'string' ? v.toUpperCase() : undefined;
      };
    }
    case 'concat': {
      const parts = many(args, op);
      return (ctx) => {
        let out = '';
        for (const p of parts) {
          const v = p(ctx);
          if (v === undefined) return undefined;
          out += v === null ? '' : String(v);
        }
        return out;
      };
    }
    case 'year':
    case 'month': {
      const inner = compileExpr(args as Expr);
      return (ctx) => {
        const d = date(inner(ctx));
        if (!d) return undefined;
        return op === 'year' ? d.getFullYear() : d.getMonth() + 1;
      };
    }
    case 'ageAt':
    case 'monthsBetween':
    case 'daysBetween': {
      const [a, b] = two(args, op);
      const fn = op === 'ageAt' ? ageAt : op === 'monthsBetween' ? monthsBetween : daysBetween;
      return (ctx) => {
        const x = date(a(ctx));
        const y = date(b(ctx));
        return x && y ? fn(x, y) : undefined;
      };
    }
    case 'addDays':
    case 'addMonths': {
      const [a, b] = two(args, op);
      const fn = op === 'addDays' ? addDays : addMonths;
      return (ctx) => {
        const d = date(a(ctx));
        const n = num(b(ctx));
        return d && n !== undefined ? toIsoDate(fn(d, n)) : undefined;
      };
    }
    case 'sum': {
      const pattern = pointerArg(args, op);
      return (ctx) => {
        let total = 0;
        for (const v of valuesAt(ctx.data, pattern, ctx.bind)) {
          if (typeof v === 'number' && Number.isFinite(v)) total += v;
        }
        return Math.round(total * 100) / 100;
      };
    }
    case 'includesAll': {
      if (!Array.isArray(args) || typeof args[0] !== 'string' || !Array.isArray(args[1])) {
        throw new ExpressionError('« includesAll » attend [pointeur, [valeurs]]');
      }
      const pattern = pointerArg(args[0], op);
      const wanted = args[1] as Literal[];
      return (ctx) => {
        const present = new Set(valuesAt(ctx.data, pattern, ctx.bind));
        return wanted.every((w) => present.has(w));
      };
    }
    case 'count': {
      const pattern = pointerArg(args, op);
      return (ctx) => {
        if (starsLeft(pattern, ctx.bind)) return valuesAt(ctx.data, pattern, ctx.bind).filter(isFilled).length;
        const v = valueAt(ctx.data, pattern, ctx.bind);
        return Array.isArray(v) ? v.length : 0;
      };
    }
  }
}

export interface ExpressionReads {
  /** Fields that must all be filled before the expression is evaluated. */
  required: string[];
  /** Fields read without that condition (presence tests, sums, defaults). */
  optional: string[];
}

/** Lists the pointers an expression reads; also validates its shape (throws ExpressionError). */
export function collectReads(expr: Expr | undefined, into: ExpressionReads = { required: [], optional: [] }): ExpressionReads {
  if (expr === null || expr === undefined || typeof expr !== 'object') return into;
  const [op, args] = operatorOf(expr);
  if (op === 'var') {
    const hasDefault = (expr as { default?: unknown }).default !== undefined;
    (hasDefault ? into.optional : into.required).push(args as string);
  } else if (op === 'present' || op === 'absent' || op === 'sum' || op === 'count') {
    into.optional.push(args as string);
  } else if (op === 'includesAll') {
    into.optional.push((args as [string])[0]);
  } else if (op === 'coalesce') {
    const inner = collectReads({ and: args as Expr[] });
    into.optional.push(...inner.required, ...inner.optional);
  } else if (op === 'in' || op === 'inList' || op === 'matches' || op === 'slice') {
    collectReads((args as Expr[])[0], into);
  } else if (Array.isArray(args)) {
    for (const a of args) collectReads(a as Expr, into);
  } else if (typeof args === 'object' && args !== null) {
    collectReads(args as Expr, into);
  }
  return into;
}
