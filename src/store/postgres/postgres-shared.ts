import { Pool, type PoolClient } from 'pg';
import type { ExportReplica, InvokeLedger, InvokeOutcome, Lease, SharedExport } from '../shared-state';
import { migrateDatabase } from './migrate';
import { PostgresLease } from './postgres-lease';

export interface SharedStateOptions {
  /** How many links each person keeps (the newest); older ones are deleted. */
  perOwner?: number;
  /** How long an invoke's outcome is kept for its re-deliveries. */
  invokeTtlSeconds?: number;
  /** How often to look for links other instances published besides LISTEN/NOTIFY (a notification lost on a reconnect). */
  pollMs?: number;
  /** How often expired links and invoke outcomes are deleted. */
  sweepMs?: number;
}

/** The advisory lock the scheduler's lease takes (the migrations take 74201400). */
export const SCHEDULER_LOCK = 74201401;

/**
 * Download links and answered invokes in PostgreSQL (migration 002), so that any instance serves
 * a link another handed out and answers a re-delivered invoke as the first delivery was answered;
 * and the scheduler's lease, one advisory lock. A pool of its own, beside the store's.
 */
export class PostgresSharedState {
  readonly exports: PostgresExportReplica;
  readonly invokes: PostgresInvokeLedger;
  private readonly leases: PostgresLease[] = [];
  private readonly timers: NodeJS.Timeout[] = [];

  private constructor(
    private readonly url: string,
    private readonly pool: Pool,
    private readonly listener: PoolClient,
    options: SharedStateOptions,
  ) {
    this.exports = new PostgresExportReplica(pool, options.perOwner ?? 20);
    this.invokes = new PostgresInvokeLedger(pool, options.invokeTtlSeconds ?? 3600);
    listener.on('notification', (n) => void this.exports.fetch(n.payload ?? '').catch(() => undefined));
    this.every(options.pollMs ?? 1000, () => this.exports.pull());
    this.every(options.sweepMs ?? 60_000, () => this.sweep());
  }

  static async open(url: string, options: SharedStateOptions = {}): Promise<PostgresSharedState> {
    const pool = new Pool({ connectionString: url, max: 3 });
    pool.on('error', () => undefined); // an idle client's lost connection; the next query reconnects
    try {
      await migrateDatabase(pool);
      const listener = await pool.connect();
      // A lost listening connection only delays links until the next poll.
      listener.on('error', () => undefined);
      await listener.query('LISTEN flokk_export');
      return new PostgresSharedState(url, pool, listener, options);
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
  }

  /** A lease on `lock`, on a connection of its own: the session holds the lock until it ends. */
  lease(lock = SCHEDULER_LOCK): Lease {
    const lease = new PostgresLease(this.url, lock);
    this.leases.push(lease);
    return lease;
  }

  async sweep(): Promise<void> {
    await this.pool.query('DELETE FROM flokk_export WHERE expires_at <= now()');
    await this.pool.query('DELETE FROM flokk_invoke WHERE expires_at <= now()');
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await Promise.all(this.leases.map((l) => l.release()));
    await this.exports.idle();
    this.listener.release();
    await this.pool.end();
  }

  private every(ms: number, run: () => Promise<void>): void {
    const timer = setInterval(() => void run().catch(() => undefined), ms);
    timer.unref();
    this.timers.push(timer);
  }
}

interface ExportRow {
  id: string;
  token: string;
  owner: string;
  name: string;
  content_type: string;
  body: string;
  expires_at: Date;
}

/** How far behind the newest id a poll looks again: ids are taken before their rows commit, not in commit order. */
const REREAD_IDS = 200;

export class PostgresExportReplica implements ExportReplica {
  /** Tokens this instance has, with their expiry, so a file is received once. */
  private readonly known = new Map<string, number>();
  private receive: ((file: SharedExport) => void) | undefined;
  private newestId = 0;
  private pulling: Promise<void> | undefined;
  private readonly publishing = new Set<Promise<void>>();

  constructor(
    private readonly pool: Pool,
    private readonly perOwner: number,
  ) {}

  publish(file: SharedExport): Promise<void> {
    this.known.set(file.token, file.expires);
    const done = this.insert(file).finally(() => this.publishing.delete(done));
    this.publishing.add(done);
    return done;
  }

  async follow(receive: (file: SharedExport) => void): Promise<void> {
    this.receive = receive;
    await this.pull();
  }

  /** Resolves once every publish under way has ended. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.publishing]);
  }

  /** Receives the files published since the last look (one pull at a time). */
  pull(): Promise<void> {
    this.pulling ??= this.pullOnce().finally(() => (this.pulling = undefined));
    return this.pulling;
  }

  /** Receives one file, named by the notification its publisher sent. */
  async fetch(token: string): Promise<void> {
    if (!this.receive || this.known.has(token)) return;
    await this.take(['token = $1', [token]]);
  }

  private async insert(file: SharedExport): Promise<void> {
    // The notification is sent when the row commits, so whoever receives it can read the row.
    await this.pool.query(
      `WITH inserted AS (
         INSERT INTO flokk_export (token, owner, name, content_type, body, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING token
       ) SELECT pg_notify('flokk_export', token) FROM inserted`,
      [file.token, file.owner, file.name, file.contentType, file.body, new Date(file.expires)],
    );
    await this.pool.query('DELETE FROM flokk_export WHERE owner = $1 AND id NOT IN (SELECT id FROM flokk_export WHERE owner = $1 ORDER BY id DESC LIMIT $2)', [file.owner, this.perOwner]);
  }

  private async pullOnce(): Promise<void> {
    if (!this.receive) return;
    const now = Date.now();
    for (const [token, expires] of this.known) if (expires <= now) this.known.delete(token);
    const ids = (await this.pool.query<{ id: string; token: string }>('SELECT id, token FROM flokk_export WHERE id > $1 AND expires_at > now() ORDER BY id', [Math.max(0, this.newestId - REREAD_IDS)])).rows;
    for (const r of ids) this.newestId = Math.max(this.newestId, Number(r.id));
    const missing = ids.filter((r) => !this.known.has(r.token)).map((r) => r.token);
    if (missing.length > 0) await this.take(['token = ANY($1)', [missing]]);
  }

  private async take([where, params]: [string, unknown[]]): Promise<void> {
    const rows = (
      await this.pool.query<ExportRow>(`SELECT id, token, owner, name, content_type, body, expires_at FROM flokk_export WHERE ${where} AND expires_at > now() ORDER BY id`, params)
    ).rows;
    for (const r of rows) {
      if (this.known.has(r.token)) continue;
      this.known.set(r.token, r.expires_at.getTime());
      this.receive?.({ token: r.token, owner: r.owner, name: r.name, contentType: r.content_type, body: r.body, expires: r.expires_at.getTime() });
    }
  }
}

export class PostgresInvokeLedger implements InvokeLedger {
  constructor(
    private readonly pool: Pool,
    private readonly ttlSeconds: number,
  ) {}

  async claim(key: string): Promise<boolean> {
    // A row whose time is up is claimed afresh; a live one belongs to the delivery that inserted it.
    const r = await this.pool.query(
      `INSERT INTO flokk_invoke (key, expires_at) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET outcome = NULL, claimed_at = now(), expires_at = EXCLUDED.expires_at WHERE flokk_invoke.expires_at <= now()
       RETURNING key`,
      [key, this.ttlSeconds],
    );
    return r.rowCount === 1;
  }

  async settle(key: string, outcome: InvokeOutcome): Promise<void> {
    await this.pool.query('UPDATE flokk_invoke SET outcome = $2 WHERE key = $1', [key, JSON.stringify(outcome)]);
  }

  async outcomeOf(key: string, waitMs: number): Promise<InvokeOutcome | undefined> {
    const until = Date.now() + waitMs;
    for (let pause = 20; ; pause = Math.min(pause * 2, 200)) {
      const row = (await this.pool.query<{ outcome: InvokeOutcome | null }>('SELECT outcome FROM flokk_invoke WHERE key = $1', [key])).rows[0];
      if (row?.outcome) return row.outcome;
      const left = until - Date.now();
      if (left <= 0) return undefined;
      await new Promise((r) => setTimeout(r, Math.min(pause, left)));
    }
  }
}
