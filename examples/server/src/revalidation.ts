/**
 * Re-validation on every core: a pool of `worker_threads` (revalidation-worker.mjs), each with its own
 * engines, checks the dossiers of a batch in parallel while the job worker reads the next batch and writes
 * the results. A worker that fails (an engine that cannot load...) rejects the batch: the job is retried
 * with back-off (jobs.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DossierRecord } from '@akto/engine';

export type CheckResult = Record<string, unknown>;

interface Pending {
  resolve(results: CheckResult[]): void;
  reject(error: Error): void;
}

export class RevalidationPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  /** `threads`: default one per core. `dispositifsDir`: the extra dispositifs each thread registers. */
  constructor(
    readonly threads = availableParallelism(),
    private readonly dispositifsDir?: string,
  ) {}

  private start(): Worker[] {
    if (this.workers.length) return this.workers;
    for (let i = 0; i < this.threads; i++) {
      const worker = new Worker(new URL('./revalidation-worker.mjs', import.meta.url), { execArgv: [], workerData: { dispositifsDir: this.dispositifsDir } });
      worker.on('message', (m: { id: number; results?: CheckResult[]; error?: string }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.results) p?.resolve(m.results);
        else p?.reject(new Error(m.error ?? 'vérification impossible'));
      });
      worker.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
        void this.close();
      });
      worker.unref();
      this.workers.push(worker);
    }
    return this.workers;
  }

  /** One result per record, in order, the records split across the threads. */
  async check(records: readonly DossierRecord[]): Promise<CheckResult[]> {
    const workers = this.start();
    const size = Math.ceil(records.length / workers.length) || 1;
    const parts: Promise<CheckResult[]>[] = [];
    for (let i = 0, w = 0; i < records.length; i += size, w++) {
      const id = ++this.next;
      const chunk = records.slice(i, i + size).map((r) => ({ id: r.id, dispositif: r.dispositif, data: r.data, definition: r.definition }));
      parts.push(new Promise((resolve, reject) => this.pending.set(id, { resolve, reject })));
      workers[w % workers.length]!.postMessage({ id, records: chunk });
    }
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
