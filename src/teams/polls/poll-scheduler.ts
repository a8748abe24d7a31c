import { closePoll, dueForClosing, dueForReminder, markReminded } from '../../domain/polls';
import { isDomainError } from '../../domain/errors';
import { messages } from '../../i18n';
import type { AppDeps } from '../deps';
import { postLeaderCard, refreshSharedCard } from './poll-view';

/**
 * Deadlines and reminders live in the data file, so they survive a restart: this looks at the
 * clock every so often (and once at start) and closes what is due and reminds who has not voted.
 */
export class PollScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: AppDeps) {}

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
    const { deps } = this;
    const now = deps.clock();
    for (const poll of dueForClosing(deps.store.read(), now)) {
      try {
        await deps.store.update((p) => closePoll(p, 'deadline', poll.id, { decisionId: deps.newId('decision') }, now));
        deps.log.info('poll closed at its deadline', { pollId: poll.id });
        refreshSharedCard(deps, poll.id);
        postLeaderCard(deps, poll.id);
      } catch (error) {
        if (!(isDomainError(error) && error.code === 'POLL.CLOSED')) deps.log.error('closing a poll failed', { error, pollId: poll.id });
      }
    }
    for (const { poll, personIds } of dueForReminder(deps.store.read(), now, deps.config.voteSecret)) {
      await deps.store.update((p) => markReminded(p, poll.id, now));
      const p = deps.store.read();
      const people = personIds.flatMap((id) => p.people.find((x) => x.id === id) ?? []);
      const network = p.networks.find((n) => n.id === poll.networkId);
      if (!poll.conversation || people.length === 0 || !network) continue;
      const t = messages(network.locale);
      // NOTE: naming who has not voted would tell who has, so anonymous polls get a reminder that names nobody.
      const named = poll.anonymous ? [] : people;
      const mentions = named.filter((x) => x.aadObjectId).map((x) => ({ type: 'mention', text: `<at>${x.name}</at>`, mentioned: { id: x.aadObjectId!, name: x.name } }));
      const names = named.map((x) => (x.aadObjectId ? `<at>${x.name}</at>` : x.name)).join(', ');
      const text = poll.anonymous ? t.poll.reminderAnonymous(people.length) : t.poll.reminderText(names);
      void deps.outbox.post(poll.conversation, { type: 'message', text: `${text} «${poll.question}»`, entities: mentions });
      deps.log.info('poll reminder sent', { pollId: poll.id, reminded: people.length });
    }
  }
}
