/**
 * Delivers the outbox (notifications the workflow wrote before answering) exactly once across every server
 * process on the database: each sender claims a batch of waiting rows with `FOR UPDATE SKIP LOCKED` (rows
 * another process holds are skipped, not waited for), delivers them, and marks them sent (when, by whom) in
 * the same transaction. A delivery that throws is retried with back-off; after `maxAttempts` it is left with
 * its error for an operator. A process killed between a delivery and its commit sends that one again at
 * the next claim (at least once, never lost); otherwise each row is delivered once.
 */
import type { Notification } from '@akto/engine';
import type { Db } from './db.js';
import { Loop, backoff } from './loop.js';

export type Deliver = (notification: Notification, seq: number) => void | Promise<void>;

export interface SenderOptions {
  /** Written in `outbox.sent_by` (e.g. `pid 1234`). */
  who?: string;
  batch?: number;
  /** How often the sender looks for rows other processes wrote (default 1 s). */
  pollMs?: number;
  /** First back-off of a failed delivery (default 5 s), doubled at each attempt. */
  retryMs?: number;
  maxAttempts?: number;
  log?: (line: string) => void;
}

export class OutboxSender {
  private readonly loop: Loop;

  constructor(
    private readonly db: Db,
    private readonly deliver: Deliver,
    private readonly options: SenderOptions = {},
  ) {
    this.loop = new Loop(() => this.sendBatch(), options.log ?? (() => {}), 'envoi des notifications');
  }

  start(): void {
    this.loop.poll(this.options.pollMs ?? 1000);
    this.loop.wake();
  }

  wake(): void {
    this.loop.wake();
  }

  idle(): Promise<void> {
    return this.loop.idle();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims, delivers and marks one batch; false when nothing is waiting. */
  private sendBatch(): Promise<boolean> {
    const { who = `pid ${process.pid}`, batch = 50, retryMs = 5000, maxAttempts = 8 } = this.options;
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ seq: string | number; notification: Notification; attempts: number }>(
        `SELECT seq, notification, attempts FROM outbox WHERE sent_at IS NULL AND next_at <= now()
         ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batch],
      );
      for (const row of rows) {
        try {
          await this.deliver(row.notification, Number(row.seq));
          await tx.query('UPDATE outbox SET sent_at = now(), sent_by = $2, error = NULL WHERE seq = $1', [row.seq, who]);
        } catch (e) {
          const attempts = row.attempts + 1;
          const next = attempts >= maxAttempts ? 'infinity' : new Date(Date.now() + backoff(attempts, retryMs)).toISOString();
          await tx.query('UPDATE outbox SET attempts = $2, next_at = $3, error = $4 WHERE seq = $1', [row.seq, attempts, next, `Envoi impossible (tentative ${attempts}) : ${(e as Error).message}`]);
        }
      }
      return rows.length === batch;
    });
  }
}
