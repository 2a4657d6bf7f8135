/**
 * Shared by the element tests: the page's uncaught errors and unhandled rejections while the calling
 * `describe` block runs (call it inside the block: it registers its own before/after hooks).
 */
export function collectPageErrors(): string[] {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  return errors;
}
