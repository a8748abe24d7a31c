import type { InvokeLedger } from '../store/shared-state';

/**
 * Teams may deliver the same invoke twice (a retry after a slow answer). The second delivery
 * gets the first one's answer, and does nothing again. A delivery is the same one only when
 * sender, activity id and verb all match: another person sending the same id is another press.
 * Votes are also safe by content (the same ballot changes nothing); this covers creations such
 * as sharing an initiative.
 *
 * With a ledger (several instances on one database) the first delivery claims the key there, and
 * a re-delivery that reaches another instance waits for the answer the first one stores, at most
 * `waitMs`: past that the first delivery's instance has stopped mid-turn, and the re-delivery is
 * refused rather than run again (whether the first one's change was made is not known).
 */
export class RecentInvokes<T> {
  private readonly answers = new Map<string, Promise<T>>();

  constructor(
    private readonly capacity = 10_000,
    private readonly ledger?: InvokeLedger,
    private readonly waitMs = 5000,
  ) {}

  once(key: { senderId?: string; activityId?: string; verb: string }, run: () => Promise<T>): Promise<T> {
    if (!key.activityId) return run();
    const id = JSON.stringify([key.senderId ?? '', key.activityId, key.verb]);
    const seen = this.answers.get(id);
    if (seen) return seen;
    const answer = this.ledger ? this.shared(this.ledger, id, run) : run();
    this.answers.set(id, answer);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }

  private async shared(ledger: InvokeLedger, id: string, run: () => Promise<T>): Promise<T> {
    // Without the database no change can be made anyway, and a reading turn still answers.
    if (await ledger.claim(id).catch(() => true)) {
      let value: T;
      try {
        value = await run();
      } catch (error) {
        await ledger.settle(id, { ok: false }).catch(() => undefined);
        throw error;
      }
      // Stored before the answer goes back, so a re-delivery never finds the key claimed and unanswered for long.
      await ledger.settle(id, { ok: true, value }).catch(() => undefined);
      return value;
    }
    const outcome = await ledger.outcomeOf(id, this.waitMs);
    if (!outcome) throw new InvokeUnansweredError();
    if (!outcome.ok) throw new Error('the first delivery of this invoke failed');
    return outcome.value as T;
  }
}

/** A re-delivered invoke whose first delivery, on another instance, did not answer in time. */
export class InvokeUnansweredError extends Error {
  readonly code = 'FLOKK_INVOKE_UNANSWERED';
  constructor() {
    super('The first delivery of this invoke has not answered');
    this.name = 'InvokeUnansweredError';
  }
}
