/** Shared by the element tests: waits until `cond` holds, polling every 10 ms (a loaded machine is slow). */
export async function waitUntil(cond: () => boolean, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!cond()) {
    if (performance.now() - start > timeout) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 10));
  }
}
