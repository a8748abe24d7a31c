/**
 * Teams allows a bot about 7 messages per second in one conversation. This spaces sends per
 * conversation so that no sliding one-second window holds more than `limit` of them.
 */
export class ConversationRateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly limit = 7,
    private readonly windowMs = 1000,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Resolves when one more send to `conversationId` fits, and counts it. Call serially per conversation. */
  async acquire(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.now();
      const recent = (this.sent.get(conversationId) ?? []).filter((t) => now - t < this.windowMs);
      if (recent.length < this.limit) {
        recent.push(now);
        this.sent.set(conversationId, recent);
        return;
      }
      await this.sleep(this.windowMs - (now - recent[0]!));
    }
  }
}
