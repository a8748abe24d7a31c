import { existsSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Pool } from 'pg';
import type { Portfolio } from '../src/domain/schema';
import { auditFileFor } from '../src/flokk';
import { JsonlAuditLog, type AuditEntry } from '../src/store/audit-log';
import { segmentsOf } from '../src/store/journal';
import { LowdbStore } from '../src/store/lowdb-store';
import { StoreLoadError } from '../src/store/portfolio-store';
import { migrateDatabase } from '../src/store/postgres/migrate';
import { PostgresStore } from '../src/store/postgres/postgres-store';

/**
 * Moves a portfolio, with its audit log, from one store to another:
 *
 *   npm run store -- copy --from data/flokk.json --to postgres://user@host/flokk [--force]
 *   npm run store -- copy --from postgres://user@host/flokk --to data/copy.json [--force]
 *
 * A data file is read and written by `LowdbStore` (snapshot and journal, under its lock, so the
 * copy refuses while a Flokk holds the file) and its audit log `<name>.audit.jsonl` by
 * `JsonlAuditLog`; a database by `PostgresStore` and its audit trail. A source at an older schema
 * version is migrated on opening, as Flokk's start does (with its backup copy). The audit entries keep their
 * order and their content. A target that already holds a portfolio or audit entries is left alone
 * unless `--force` is given, which replaces both. The copy is read back and compared before the
 * command reports success.
 *
 * Exit codes: 0 copied; 1 the copy could not be made (source unreadable, target not empty, a write
 * failed, the read-back differs); 2 the arguments are wrong.
 */
const USAGE = `usage:
  npm run store -- copy --from <data file .json | postgres://…> --to <data file .json | postgres://…> [--force]`;

class UsageError extends Error {}
/** The copy cannot be made; the message says why and what to do. */
class CopyError extends Error {}

type Location = { kind: 'file'; file: string } | { kind: 'postgres'; url: string };

interface Args {
  from: Location;
  to: Location;
  force: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command !== 'copy') throw new UsageError(command ? `unknown command ${command}; the only one is copy` : 'expected a command: copy');
  let from: string | undefined;
  let to: string | undefined;
  let force = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--from' || name === '--to') {
      const value = inline ?? rest[++i];
      if (!value || value.startsWith('--')) throw new UsageError(`${name} needs a data file or a postgres:// URL`);
      if (name === '--from') from = value;
      else to = value;
    } else if (name === '--force' && inline === undefined) force = true;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${name}`);
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (!from) throw new UsageError('--from is missing');
  if (!to) throw new UsageError('--to is missing');
  const source = location(from);
  const target = location(to);
  if (same(source, target)) throw new UsageError('--from and --to name the same store');
  return { from: source, to: target, force };
}

function location(value: string): Location {
  // pg parses the URL itself: a socket directory in `?host=` leaves the host empty, which WHATWG's URL refuses.
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new UsageError(`${redact(value)}: a store is a data file (.json) or a postgres:// URL`);
  if (!/\.json$/i.test(value)) throw new UsageError(`${value}: a data file's name ends in .json (its audit log is <name>.audit.jsonl beside it)`);
  if (existsSync(value) && statSync(value).isDirectory()) throw new UsageError(`${value} is a directory, not a data file`);
  return { kind: 'file', file: path.resolve(value) };
}

const same = (a: Location, b: Location) => (a.kind === 'file' && b.kind === 'file' ? a.file === b.file : a.kind === 'postgres' && b.kind === 'postgres' && a.url === b.url);

/** A URL for messages: never its password. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

const describe = (l: Location) => (l.kind === 'file' ? l.file : redact(l.url));

interface Contents {
  portfolio: Portfolio;
  /** Oldest first. */
  audit: AuditEntry[];
}

const ALL = Number.MAX_SAFE_INTEGER;

async function read(from: Location): Promise<Contents> {
  if (from.kind === 'file') {
    if (!existsSync(from.file)) throw new CopyError(`${from.file} does not exist`);
    const store = await LowdbStore.open(from.file);
    try {
      const file = auditFileFor(from.file);
      const audit = (await new JsonlAuditLog(file).recent(ALL)).reverse();
      const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).length : 0;
      // JsonlAuditLog skips what it cannot parse (a line a crash cut short): say so rather than drop it silently.
      if (lines > audit.length) console.error(`warning: ${lines - audit.length} of the ${lines} lines of ${file} are not audit entries and are not copied`);
      return { portfolio: store.read(), audit };
    } finally {
      await store.close();
    }
  }
  const store = await PostgresStore.open(from.url);
  try {
    return { portfolio: store.read(), audit: (await store.audit.recent(ALL)).reverse() };
  } finally {
    await store.close();
  }
}

/** What the target holds already, in words; undefined when it is empty. */
async function occupied(to: Location): Promise<string | undefined> {
  if (to.kind === 'file') {
    const audit = auditFileFor(to.file);
    if (existsSync(to.file)) return `the data file ${to.file} exists`;
    if ((await segmentsOf(to.file)).length > 0) return `a journal of ${to.file} exists`;
    if (existsSync(audit) && statSync(audit).size > 0) return `the audit log ${audit} exists`;
    return undefined;
  }
  return withPool(to.url, async (pool) => {
    const { rows } = await pool.query<{ head: boolean; audit: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM flokk_head) AS head, EXISTS (SELECT 1 FROM flokk_audit) AS audit',
    );
    if (rows[0]?.head) return 'the database holds a portfolio';
    if (rows[0]?.audit) return 'the database holds audit entries';
    return undefined;
  });
}

/** Empties the target, for --force: the portfolio and its audit log go together. */
async function clear(to: Location): Promise<void> {
  if (to.kind === 'file') {
    // Opened first, so a target a running Flokk holds is refused before anything is removed.
    if (existsSync(to.file)) await (await LowdbStore.open(to.file)).close();
    const journal = await segmentsOf(to.file);
    await Promise.all([to.file, auditFileFor(to.file), ...journal.map((s) => s.path)].map((f) => rm(f, { force: true })));
    return;
  }
  await withPool(to.url, (pool) => pool.query('TRUNCATE flokk_head, flokk_change, flokk_audit'));
}

async function write(to: Location, { portfolio, audit }: Contents): Promise<void> {
  if (to.kind === 'file') {
    const store = await LowdbStore.open(to.file, { seed: () => portfolio });
    try {
      await new JsonlAuditLog(auditFileFor(to.file)).append(...audit);
    } finally {
      await store.close();
    }
    return;
  }
  const store = await PostgresStore.open(to.url, { seed: () => portfolio });
  try {
    await store.audit.append(...audit);
  } finally {
    await store.close();
  }
}

/** A pool with the schema in place, for the questions the store classes do not answer. */
async function withPool<T>(url: string, run: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: url, max: 1 });
  pool.on('error', () => undefined);
  try {
    await migrateDatabase(pool);
    return await run(pool);
  } catch (e) {
    throw new CopyError(`${redact(url)} cannot be used (${(e as Error).message})`);
  } finally {
    await pool.end().catch(() => undefined);
  }
}

export async function copy({ from, to, force }: Args): Promise<Contents> {
  const contents = await read(from);
  const there = await occupied(to);
  if (there && !force) throw new CopyError(`${there}; nothing was copied. Give --force to replace what ${describe(to)} holds (its portfolio and its audit log)`);
  if (there) await clear(to);
  try {
    await write(to, contents);
  } catch (e) {
    throw new CopyError(`the copy to ${describe(to)} failed part way (${(e as Error).message}); run it again with --force`);
  }
  const back = await read(to);
  if (!isDeepStrictEqual(back.portfolio, contents.portfolio)) throw new CopyError(`the portfolio read back from ${describe(to)} differs from ${describe(from)}'s`);
  if (!isDeepStrictEqual(back.audit, contents.audit)) throw new CopyError(`the audit log read back from ${describe(to)} differs from ${describe(from)}'s`);
  return contents;
}

async function main(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n${USAGE}`);
    return 2;
  }
  try {
    const { portfolio, audit } = await copy(args);
    console.log(
      `copied ${portfolio.projects.length} projects, ${portfolio.polls.length} polls, ${portfolio.votes.length} votes and ${audit.length} audit entries from ${describe(args.from)} to ${describe(args.to)}. ` +
        'Run Flokk on the copy with the same FLOKK_VOTE_SECRET: it keys the anonymous votes.',
    );
    return 0;
  } catch (e) {
    if (e instanceof CopyError || e instanceof StoreLoadError) {
      console.error(`store copy: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
