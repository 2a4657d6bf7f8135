import type { Phase, Role, Severity } from './definition.js';

export type IssueKind = 'schema' | 'required' | 'rule' | 'async';

export interface ValidationIssue {
  /** Stable id: a rule id, `required`, `format.<name>` or `schema.<keyword>`. */
  rule: string;
  severity: Severity;
  /** JSON pointer of the field the message shows under. */
  path: string;
  /** Tab id of that field, null when no tab shows it. */
  tab: string | null;
  message: string;
  kind: IssueKind;
  /** Phase from which the issue is shown: saisie ⊂ page ⊂ transmission. */
  phase: Phase;
}

export interface TabStatus {
  valid: boolean;
  errors: number;
  warnings: number;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  tabs: Record<string, TabStatus>;
}

export interface ValidateOptions {
  phase?: Phase;
  /** With phase "page": only the issues of this tab. */
  tab?: string;
  /** Defaults to "adherent". */
  role?: Role;
  /** "Today" for date rules (ISO date or Date); defaults to the clock. */
  today?: string | Date;
}
