/** Format (schema) issues keep the rules and checks that read the malformed field from running. */
import type { ValidationIssue } from '../models/result.js';
import { parsePointer } from '../pointer/json-pointer.js';

/** Paths of format (schema) issues, which keep the rules reading them from running. */
export function malformedPaths(issues: readonly ValidationIssue[]): string[] {
  return issues.filter((i) => i.kind === 'schema').map((i) => i.path);
}

/** Whether `issuePath` is `read` or one of its ancestors (`*` in `read` matches any index). */
export function isAtOrAbove(issuePath: string, read: string): boolean {
  const a = parsePointer(issuePath);
  const b = parsePointer(read);
  if (a.length > b.length) return false;
  return a.every((seg, i) => seg === b[i] || b[i] === '*');
}
