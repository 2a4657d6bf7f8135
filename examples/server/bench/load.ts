/** Load helpers of the server bench: a fixed number of calls from concurrent clients, latency per call. */
import { median } from '../../../packages/engine/bench/report.js';

export interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

/** Runs `total` calls of `one(client, n)` from `clients` concurrent loops; a call answers true when it worked. */
export async function load(total: number, clients: number, one: (client: number, n: number) => Promise<boolean>): Promise<Load> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (next < total) {
        const n = next++;
        const t = performance.now();
        if (!(await one(client, n))) failed++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: total / seconds, p50: median(latencies), p99: percentile(latencies, 99), failed };
}
