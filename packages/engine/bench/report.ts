/**
 * How every benchmark prints a figure: label, value, goal and ✓/✗ (issue #14's goals table), and the
 * median helpers they share. Figures are medians of repeated samples, never a single run.
 */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median over `samples` of the mean time per call, in µs (after a warm-up batch). */
export function measureMicros(fn: (i: number) => void, batch: number, samples = 25): number {
  for (let i = 0; i < batch; i++) fn(i);
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn(i);
    out.push(Number(process.hrtime.bigint() - t0) / 1000 / batch);
  }
  return median(out);
}

/** `label ........ 123.4 µs   goal ≤ 100 µs   ✗` (no goal: no mark). */
export function figure(label: string, value: number, unit: string, goal?: { max?: number; min?: number }): string {
  const digits = value >= 100 ? 0 : 1;
  const text = `${value.toFixed(digits)} ${unit}`;
  if (!goal) return `${label.padEnd(58)} ${text.padStart(12)}`;
  const ok = (goal.max === undefined || value <= goal.max) && (goal.min === undefined || value >= goal.min);
  const wanted = goal.max !== undefined ? `≤ ${goal.max} ${unit}` : `≥ ${goal.min} ${unit}`;
  return `${label.padEnd(58)} ${text.padStart(12)}   goal ${wanted.padEnd(12)} ${ok ? '✓' : '✗'}`;
}
