import { Pool, type PoolClient } from 'pg';
import { DomainError } from '../../domain/errors';
import { Portfolio } from '../../domain/schema';
import { AuditEntry, type AuditTrail } from '../audit-log';
import { apply, diff, type Op } from '../journal-record';
import { applyChange, StoreLoadError, type AuditedMutation, type PortfolioStore, type StoreHealth } from '../portfolio-store';
import { migrateDatabase } from './migrate';

export interface PostgresOptions {
  /** What an empty database starts as. Without it, a database holding no portfolio is an error. */
  seed?: () => Portfolio;
  /** How often to look for other instances' changes besides LISTEN/NOTIFY (a notification lost on a reconnect). */
  pollMs?: number;
  /** Fold the changes into the snapshot row after this many. */
  compactEvery?: number;
  onWriteError?: (error: DomainError, detail: { part: 'data'; reason: string }) => void;
}

type Change = (current: Portfolio) => AuditedMutation<unknown>;

interface Pending {
  /** Undefined for a change that changed nothing but reported on the pending ones: it settles with them. */
  change?: Change;
  noopResult?: unknown;
  resolve: (value: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * The portfolio in PostgreSQL, for several Flokk instances on one database. Each instance keeps the
 * whole state in memory (reads never wait) and follows the others through LISTEN/NOTIFY and a poll.
 * A change is applied at once to this instance's state, and then, under the row lock of
 * `flokk_head`, run again on the database's latest state and written as one `flokk_change` row with
 * its audit entries, in one transaction: two instances never compute a change from stale data, so
 * no update is lost and a vote counts once. Writes waiting behind the lock share a transaction.
 */
export class PostgresStore implements PortfolioStore {
  private durable: Portfolio;
  private state: Portfolio;
  private seq: number;
  private queue: Pending[] = [];
  private writing: Promise<void> | undefined;
  /** Catch-ups and writes, one at a time. */
  private exclusive: Promise<unknown> = Promise.resolve();
  private closed = false;
  private lastWriteError: unknown;
  private timer: NodeJS.Timeout | undefined;
  readonly audit: AuditTrail;

  private constructor(
    private readonly pool: Pool,
    private readonly listener: PoolClient,
    loaded: { data: Portfolio; seq: number },
    private readonly options: PostgresOptions,
  ) {
    this.durable = loaded.data;
    this.state = loaded.data;
    this.seq = loaded.seq;
    this.audit = new PostgresAuditTrail(pool);
  }

  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const where = describe(url);
    const pool = new Pool({ connectionString: url, max: 4 });
    pool.on('error', () => undefined); // an idle client's lost connection; the next query reconnects
    try {
      await migrateDatabase(pool);
      if (options.seed) {
        await pool.query('INSERT INTO flokk_head (id, seq, snapshot_seq, snapshot) VALUES (1, 0, 0, $1) ON CONFLICT (id) DO NOTHING', [Portfolio.parse(options.seed())]);
      }
      const loaded = await load(pool, where);
      const listener = await pool.connect();
      // A lost listening connection must not stop the process: the poll still follows the others.
      listener.on('error', () => undefined);
      await listener.query('LISTEN flokk_change');
      const store = new PostgresStore(pool, listener, loaded, options);
      listener.on('notification', () => void store.catchUp().catch(() => undefined));
      store.timer = setInterval(() => void store.catchUp().catch(() => undefined), options.pollMs ?? 1000);
      store.timer.unref();
      return store;
    } catch (e) {
      await pool.end().catch(() => undefined);
      if (e instanceof StoreLoadError) throw e;
      throw new StoreLoadError(where, `it cannot be opened (${(e as Error).message})`);
    }
  }

  read(): Portfolio {
    return this.state;
  }

  update<T>(change: (current: Portfolio) => AuditedMutation<T>): Promise<T> {
    const applied = applyChange(this.closed, this.state, change);
    if ('refused' in applied) return applied.refused;
    const m = applied.mutation;
    const noop = m.next === this.state;
    // Nothing to change, and nothing this instance has accepted is still on its way: done.
    if (noop && this.queue.length === 0 && !this.writing) return Promise.resolve(m.result);
    if (!noop) this.state = m.next;
    return new Promise<T>((resolve, reject) => {
      const settle = resolve as (v: unknown) => void;
      this.queue.push(noop ? { noopResult: m.result, resolve: settle, reject } : { change: change as Change, resolve: settle, reject });
      this.writing ??= this.drain();
    });
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    clearInterval(this.timer);
    await this.exclusive.catch(() => undefined);
    this.listener.release();
    await this.pool.end();
  }

  async health(): Promise<StoreHealth> {
    if (this.lastWriteError) return { ok: false, detail: 'the last write failed' };
    try {
      await this.pool.query('SELECT 1');
      return { ok: true };
    } catch {
      return { ok: false, detail: 'the database does not answer' };
    }
  }

  /** Takes in the changes other instances wrote since ours. */
  catchUp(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.serially(async () => {
      await this.pull(this.pool);
      this.state = this.replayQueue(this.durable);
    });
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.exclusive.then(run, run);
    this.exclusive = next.catch(() => undefined);
    return next;
  }

  /** Applies to `durable` the changes in the database after ours (the snapshot again, if they were folded into it). */
  private async pull(db: Pick<Pool, 'query'>): Promise<void> {
    const head = (await db.query<{ seq: string; snapshot_seq: string }>('SELECT seq, snapshot_seq FROM flokk_head WHERE id = 1')).rows[0];
    if (!head || Number(head.seq) === this.seq) return;
    if (Number(head.snapshot_seq) > this.seq) {
      const loaded = await load(db, 'the database');
      this.durable = loaded.data;
      this.seq = loaded.seq;
      return;
    }
    const rows = (await db.query<{ seq: string; ops: Op[] }>('SELECT seq, ops FROM flokk_change WHERE seq > $1 ORDER BY seq', [this.seq])).rows;
    let data: unknown = this.durable;
    for (const row of rows) {
      data = apply(data, row.ops);
      this.seq = Number(row.seq);
    }
    this.durable = data as Portfolio;
  }

  /** This instance's view: the durable state with the changes still queued applied on top. */
  private replayQueue(base: Portfolio): Portfolio {
    let s = base;
    for (const p of this.queue) {
      if (!p.change) continue;
      try {
        s = p.change(s).next;
      } catch {
        // It fails again when its turn to be written comes, and is rejected then.
      }
    }
    return s;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        await this.serially(() => this.write(batch));
      }
    } finally {
      this.writing = undefined;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    const client = await this.pool.connect().catch((e: unknown) => {
      this.failed(batch, e);
      return undefined;
    });
    if (!client) return;
    const settled: Array<() => void> = [];
    try {
      await client.query('BEGIN');
      await client.query('SELECT seq FROM flokk_head WHERE id = 1 FOR UPDATE');
      await this.pull(client);
      const base = this.durable;
      let next = base;
      const entries: AuditEntry[] = [];
      for (const p of batch) {
        if (!p.change) {
          settled.push(() => p.resolve(p.noopResult));
          continue;
        }
        try {
          const m = p.change(next);
          next = m.next;
          if (m.auditEntry && m.next !== base) entries.push(AuditEntry.parse(m.auditEntry));
          settled.push(() => p.resolve(m.result));
        } catch (e) {
          settled.push(() => p.reject(e));
        }
      }
      if (next !== base) {
        const seq = this.seq + 1;
        await client.query('INSERT INTO flokk_change (seq, ops) VALUES ($1, $2)', [seq, JSON.stringify(diff(base, next))]);
        for (const entry of entries) {
          await client.query('INSERT INTO flokk_audit (seq, network_id, entry) VALUES ($1, $2, $3)', [seq, entry.networkId ?? null, entry]);
        }
        const compact = seq % (this.options.compactEvery ?? 500) === 0;
        if (compact) {
          await client.query('UPDATE flokk_head SET seq = $1, snapshot_seq = $1, snapshot = $2 WHERE id = 1', [seq, next]);
          await client.query('DELETE FROM flokk_change WHERE seq <= $1', [seq]);
        } else {
          await client.query('UPDATE flokk_head SET seq = $1 WHERE id = 1', [seq]);
        }
        await client.query(`SELECT pg_notify('flokk_change', $1)`, [String(seq)]);
        await client.query('COMMIT');
        this.seq = seq;
        this.durable = next;
      } else {
        await client.query('COMMIT');
      }
      this.lastWriteError = undefined;
      this.state = this.replayQueue(this.durable);
      for (const s of settled) s();
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      this.failed(batch, e);
    } finally {
      client.release();
    }
  }

  private failed(batch: Pending[], cause: unknown): void {
    this.lastWriteError = cause ?? new Error('the write failed');
    const error = new DomainError('STORE.WRITE_FAILED', { part: 'data', reason: String((cause as Error)?.message ?? cause) });
    try {
      this.options.onWriteError?.(error, { part: 'data', reason: String(error.params.reason) });
    } catch {
      // A hook that throws must not leave the changes hanging.
    }
    this.state = this.replayQueue(this.durable);
    for (const p of batch) p.reject(error);
  }
}

/** The snapshot row and the changes after it, validated with the Portfolio schema. */
async function load(db: Pick<Pool, 'query'>, where: string): Promise<{ data: Portfolio; seq: number }> {
  const head = (await db.query<{ snapshot: unknown; snapshot_seq: string }>('SELECT snapshot, snapshot_seq FROM flokk_head WHERE id = 1')).rows[0];
  if (!head) throw new StoreLoadError(where, 'it holds no portfolio; copy one in, or start once with a seed');
  const rows = (await db.query<{ seq: string; ops: Op[] }>('SELECT seq, ops FROM flokk_change WHERE seq > $1 ORDER BY seq', [head.snapshot_seq])).rows;
  let data: unknown = head.snapshot;
  let seq = Number(head.snapshot_seq);
  for (const row of rows) {
    data = apply(data, row.ops);
    seq = Number(row.seq);
  }
  const parsed = Portfolio.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StoreLoadError(where, `it does not match the portfolio schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return { data: parsed.data, seq };
}

/** The audit log in `flokk_audit`; the store writes a change's entries in the change's own transaction. */
export class PostgresAuditTrail implements AuditTrail {
  constructor(private readonly pool: Pool) {}

  async append(...entries: AuditEntry[]): Promise<void> {
    for (const e of entries.map((x) => AuditEntry.parse(x))) {
      await this.pool.query('INSERT INTO flokk_audit (network_id, entry) VALUES ($1, $2)', [e.networkId ?? null, e]);
    }
  }

  async recent(limit: number, networkId?: string): Promise<AuditEntry[]> {
    const rows = (
      await this.pool.query<{ entry: unknown }>('SELECT entry FROM flokk_audit WHERE ($2::text IS NULL OR network_id = $2) ORDER BY id DESC LIMIT $1', [limit, networkId ?? null])
    ).rows;
    return rows.map((r) => AuditEntry.parse(r.entry));
  }
}

/** The database's host and name, never its password: for messages that reach the log. */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname || decodeURIComponent(u.searchParams.get('host') ?? 'localhost')}/${u.pathname.replace(/^\//, '')}`;
  } catch {
    return 'PostgreSQL (FLOKK_DATABASE_URL)';
  }
}
