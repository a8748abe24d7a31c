/**
 * Teams may deliver the same invoke twice (a retry after a slow answer). The second delivery
 * gets the first one's answer, and does nothing again. A delivery is the same one only when
 * sender, activity id and verb all match: another person sending the same id is another press.
 * Votes are also safe by content (the same ballot changes nothing); this covers creations such
 * as sharing an initiative.
 */
export class RecentInvokes<T> {
  private readonly answers = new Map<string, Promise<T>>();

  constructor(private readonly capacity = 10_000) {}

  once(key: { senderId?: string; activityId?: string; verb: string }, run: () => Promise<T>): Promise<T> {
    if (!key.activityId) return run();
    const id = JSON.stringify([key.senderId ?? '', key.activityId, key.verb]);
    const seen = this.answers.get(id);
    if (seen) return seen;
    const answer = run();
    this.answers.set(id, answer);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }
}
