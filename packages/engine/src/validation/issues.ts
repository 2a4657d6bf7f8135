/** What the engine and its sessions share about issues: phases, the day, malformed paths, selection. */
import { toIsoDate } from '../expressions/dates.js';
import type { DispositifDefinition, Phase } from '../models/definition.js';
import type { TabStatus, ValidateOptions, ValidationIssue, ValidationResult } from '../models/result.js';
import { parsePointer } from '../pointer/json-pointer.js';

export const PHASE_RANK: Record<Phase, number> = { saisie: 0, page: 1, transmission: 2 };
/** The key of issues and dependents that concern the dossier as a whole. */
export const ROOT = '';

export function todayOf(value: string | Date | undefined): string {
  if (typeof value === 'string') return value;
  return toIsoDate(value ?? new Date());
}

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

/** Filters issues for a phase/tab and counts them per tab. */
export function select(engine: { definition: DispositifDefinition }, all: readonly ValidationIssue[], options: ValidateOptions = {}): ValidationResult {
  const phase = options.phase ?? 'transmission';
  const rank = PHASE_RANK[phase];
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const tabs: Record<string, TabStatus> = {};
  for (const tab of engine.definition.layout.tabs) tabs[tab.id] = { valid: true, errors: 0, warnings: 0 };
  for (const issue of all) {
    if (PHASE_RANK[issue.phase] > rank) continue;
    const status = issue.tab ? tabs[issue.tab] : undefined;
    if (status) {
      if (issue.severity === 'error') {
        status.errors++;
        status.valid = false;
      } else status.warnings++;
    }
    if (phase === 'page' && options.tab && issue.tab !== options.tab) continue;
    (issue.severity === 'error' ? errors : warnings).push(issue);
  }
  return { valid: errors.length === 0, errors, warnings, tabs };
}
