/**
 * Teams may deliver the same invoke twice (a retry after a slow answer). The second delivery of
 * an activity id gets the first one's answer, and does nothing again. Votes are also safe by
 * content (the same ballot changes nothing); this covers creations such as sharing an initiative.
 */
export class RecentInvokes<T> {
  private readonly answers = new Map<string, Promise<T>>();

  constructor(private readonly capacity = 10_000) {}

  once(activityId: string | undefined, run: () => Promise<T>): Promise<T> {
    if (!activityId) return run();
    const seen = this.answers.get(activityId);
    if (seen) return seen;
    const answer = run();
    this.answers.set(activityId, answer);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }
}
