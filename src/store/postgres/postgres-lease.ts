import { Client } from 'pg';
import type { Lease } from '../shared-state';

/** A session-level advisory lock on a connection of its own: held while the session lives. */
export class PostgresLease implements Lease {
  private client: Client | undefined;
  private held = false;

  constructor(
    private readonly url: string,
    private readonly lock: number,
  ) {}

  async acquire(): Promise<boolean> {
    try {
      if (!this.client) {
        // The process id in the session's name tells an operator (pg_stat_activity) which instance holds it.
        const client = new Client({ connectionString: this.url, application_name: `flokk-lease-${process.pid}` });
        client.on('error', () => this.drop(client));
        this.client = client;
        await client.connect();
      }
      const client = this.client;
      // A session that still answers still holds its lock; otherwise try to take it.
      if (this.held) await client.query('SELECT 1');
      else this.held = (await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [this.lock])).rows[0]?.got === true;
      return this.held;
    } catch {
      if (this.client) this.drop(this.client);
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    // Ending the session releases the lock.
    if (client) await client.end().catch(() => undefined);
  }

  private drop(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.held = false;
    void client.end().catch(() => undefined);
  }
}
