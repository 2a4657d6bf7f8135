/** Errors the API answers with, as JSON `{ message, ... }` in French. */
import { NotFoundError, StaleRevisionError, UnknownDispositifError, WorkflowError } from '@akto/engine';

/** An error with its HTTP status and extra body fields. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface ProblemResponse {
  status: number;
  body: { message: string } & Record<string, unknown>;
}

/** Maps what the engine and the store throw to a status and a French body; null for a bug (500). */
export function problemOf(e: unknown): ProblemResponse | null {
  if (e instanceof HttpProblem) return { status: e.status, body: { message: e.message, ...e.extra } };
  if (e instanceof StaleRevisionError) return { status: 409, body: { message: e.message, expected: e.expected, actual: e.actual } };
  if (e instanceof NotFoundError) return { status: 404, body: { message: e.message } };
  if (e instanceof UnknownDispositifError) return { status: 400, body: { message: e.message } };
  if (e instanceof WorkflowError) {
    if (e.code === 'invalid') {
      // "Saisie Invalide": the validation errors and the tabs at fault, as the wizard shows them.
      return { status: 400, body: { message: e.message, errors: e.result?.errors ?? [], warnings: e.result?.warnings ?? [], tabs: e.result?.tabs ?? {} } };
    }
    return { status: 403, body: { message: e.message } };
  }
  return null;
}
