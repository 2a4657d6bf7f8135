/**
 * A background loop of one server process (the job worker, the notification sender): `step` runs until it
 * says there is nothing left; `wake()` starts it (a call while it runs makes it look again), a timer wakes it
 * every `pollMs` (work queued by another process, a retry whose back-off is over), `stop()` waits for it.
 */
export class Loop {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly step: () => Promise<boolean>,
    private readonly log: (line: string) => void,
    private readonly name: string,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Wakes the loop every `pollMs` (the timer does not keep the process alive). */
  poll(pollMs: number): void {
    if (this.stopped || this.timer || !(pollMs > 0)) return;
    this.timer = setInterval(() => this.wake(), pollMs);
    this.timer.unref();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          while (!this.stopped && (await this.step()));
        } catch (e) {
          if (!this.stopped) this.log(`${this.name} : ${(e as Error).stack ?? String(e)}`);
        }
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = undefined));
  }

  /** Resolves when the loop has nothing left to do now. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }
}

/** Exponential back-off: `baseMs · 2^(attempt-1)`, at most `maxMs`. */
export function backoff(attempt: number, baseMs: number, maxMs = 15 * 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
