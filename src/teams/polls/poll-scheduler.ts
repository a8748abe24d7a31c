import { isDomainError } from '../../domain/errors';
import { closePoll, dueForClosing, dueForReminder, markReminded } from '../../domain/polls';
import type { PortfolioStore } from '../../store/portfolio-store';
import { postLeaderCard, postReminder, refreshSharedCard, type EffectServices } from '../effects';

export interface SchedulerServices extends EffectServices {
  store: Pick<PortfolioStore, 'read' | 'update'>;
  newId: (prefix: string) => string;
}

/**
 * Deadlines and reminders live in the data file, so they survive a restart: this looks at the
 * clock every so often (and once at start) and closes what is due and reminds who has not voted.
 */
export class PollScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly services: SchedulerServices) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; overlapping calls share the pass under way. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    const s = this.services;
    const now = s.clock();
    for (const poll of dueForClosing(s.store.read(), now)) {
      try {
        await s.store.update((p) => closePoll(p, 'deadline', poll.id, { decisionId: s.newId('decision') }, now));
        s.log.info('poll closed at its deadline', { pollId: poll.id });
        void refreshSharedCard(s, poll.id);
        postLeaderCard(s, poll.id);
      } catch (error) {
        if (!(isDomainError(error) && error.code === 'POLL.CLOSED')) s.log.error('closing a poll failed', { error, pollId: poll.id });
      }
    }
    for (const { poll, personIds } of dueForReminder(s.store.read(), now, s.config.voteSecret)) {
      await s.store.update((p) => markReminded(p, poll.id, now));
      const reminded = postReminder(s, poll.id, personIds);
      if (reminded > 0) s.log.info('poll reminder sent', { pollId: poll.id, reminded });
    }
  }
}
