import type { Lease } from '../../store/shared-state';

/** The part of the poll scheduler that decides nothing about who runs it. */
export interface Passes {
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the poll scheduler's passes (deadline closes, reminders) only on the instance that holds
 * the lease, so several instances on one database close a poll and remind its voters once. Before
 * each pass the store catches up with what the other instances wrote (`catchUp`), so a new holder
 * of the lease never acts on a poll its predecessor has just closed or reminded.
 */
export class LeasedScheduler {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly ticking = new Set<Promise<void>>();

  constructor(
    private readonly passes: Passes,
    private readonly lease: Lease,
    private readonly catchUp: () => Promise<void> = () => Promise.resolve(),
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  /** One pass if this instance holds the lease; resolves at once otherwise. */
  tick(): Promise<void> {
    const run = this.leasedPass().finally(() => this.ticking.delete(run));
    this.ticking.add(run);
    return run;
  }

  /** Waits for the pass under way, then lets another instance take the lease. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.ticking]);
    await this.passes.stop();
    await this.lease.release();
  }

  private async leasedPass(): Promise<void> {
    if (this.stopped || !(await this.lease.acquire())) return;
    await this.catchUp();
    if (!this.stopped) await this.passes.tick();
  }
}
