import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { erasePerson, exportPerson } from '../src/domain/personal-data';
import { Portfolio, type Person } from '../src/domain/schema';
import { Backups } from '../src/store/backups';
import { DurableJsonFile } from '../src/store/durable-json-file';
import { LowdbStore, readPortfolioFile } from '../src/store/lowdb-store';
import { StoreLoadError } from '../src/store/portfolio-store';

/**
 * Data requests from the command line:
 *
 *   npm run person-data -- export <personId|aadObjectId> [--file data/flokk.json]
 *   npm run person-data -- erase <personId|aadObjectId> --yes [--file data/flokk.json] [--keep-backups]
 *
 * `export` only reads, and works while Flokk runs. `erase` writes the data file through the store,
 * so it refuses while Flokk holds the file (stop Flokk first), and then erases the person from every
 * rotating backup in `<data dir>/backups` too, unless told to keep them.
 */
const USAGE = `usage:
  npm run person-data -- export <personId|aadObjectId> [--file data/flokk.json]
  npm run person-data -- erase <personId|aadObjectId> --yes [--file data/flokk.json] [--keep-backups]`;

class UsageError extends Error {}

interface Args {
  command: 'export' | 'erase';
  who: string;
  file: string;
  yes: boolean;
  keepBackups: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  let file = 'data/flokk.json';
  let yes = false;
  let keepBackups = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--file') {
      const value = argv[++i];
      if (!value) throw new UsageError('--file needs a path');
      file = value;
    } else if (arg.startsWith('--file=')) file = arg.slice('--file='.length);
    else if (arg === '--yes') yes = true;
    else if (arg === '--keep-backups') keepBackups = true;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [command, who, ...rest] = positional;
  if ((command !== 'export' && command !== 'erase') || !who || rest.length > 0) throw new UsageError('expected export or erase and one person');
  return { command, who, file: path.resolve(file), yes, keepBackups };
}

/** The person records `who` names: by id, or every network's record of one Entra ID object id. */
function matching(p: Portfolio, who: string): Person[] {
  const aad = who.toLowerCase();
  return p.people.filter((x) => x.id === who || x.aadObjectId?.toLowerCase() === aad);
}

async function exportCommand(args: Args): Promise<void> {
  const p = await readPortfolioFile(args.file);
  const people = matching(p, args.who);
  if (people.length === 0) throw new UsageError(`no person with id or aadObjectId ${args.who} in ${args.file}`);
  const out = { file: args.file, exportedAt: new Date().toISOString(), people: people.map((x) => exportPerson(p, x.id)) };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

async function eraseCommand(args: Args): Promise<void> {
  if (!args.yes) throw new UsageError('erase removes the person for good; add --yes to go ahead');
  const store = await LowdbStore.open(args.file);
  let erased: Array<{ personId: string; replacementId: string; references: number; texts: number }>;
  try {
    const people = matching(store.read(), args.who);
    if (people.length === 0) throw new UsageError(`no person with id or aadObjectId ${args.who} in ${args.file}`);
    const replacements = new Map(people.map((x) => [x.id, `person-erased-${randomUUID()}`]));
    erased = await store.update((p) => {
      let next = p;
      const results = [];
      for (const [personId, replacementId] of replacements) {
        const m = erasePerson(next, personId, replacementId);
        next = m.next;
        results.push(m.result);
      }
      return { next, result: results };
    });
  } finally {
    await store.close();
  }
  const backups = args.keepBackups ? { rewritten: [], untouched: await copiesHolding(args.file, erased) } : await eraseFromBackups(args.file, erased);
  process.stdout.write(JSON.stringify({ file: args.file, erased, backups }, null, 2) + '\n');
}

/**
 * Applies the same erasure (same tombstone ids) to every rotating backup that holds the person, so a
 * restore does not bring them back. A copy that cannot be rewritten (an older schema, a migration
 * backup beside the file) is listed for the operator to delete.
 */
async function eraseFromBackups(file: string, erased: ReadonlyArray<{ personId: string; replacementId: string }>) {
  const rewritten: string[] = [];
  for (const backup of await new Backups(file, { keep: 0, everyMinutes: 60 }).list()) {
    const parsed = Portfolio.safeParse(JSON.parse(await readFile(backup, 'utf8').catch(() => 'null')));
    if (!parsed.success) continue;
    let next = parsed.data;
    for (const { personId, replacementId } of erased) {
      if (next.people.some((x) => x.id === personId)) next = erasePerson(next, personId, replacementId).next;
    }
    if (next === parsed.data) continue;
    await new DurableJsonFile<Portfolio>(backup).write(next);
    rewritten.push(backup);
  }
  return { rewritten, untouched: await copiesHolding(file, erased) };
}

/** Copies of the data file (backups, migration copies) that still mention one of the erased person ids. */
async function copiesHolding(file: string, erased: ReadonlyArray<{ personId: string }>): Promise<string[]> {
  const dir = path.dirname(file);
  const backupDir = new Backups(file, { keep: 0, everyMinutes: 60 }).dir;
  const candidates = [
    ...(await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(`${path.basename(file)}.`) && n.endsWith('.bak')).map((n) => path.join(dir, n)),
    ...(await readdir(backupDir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).map((n) => path.join(backupDir, n)),
  ];
  const holding: string[] = [];
  for (const candidate of candidates) {
    const text = await readFile(candidate, 'utf8').catch(() => '');
    if (erased.some(({ personId }) => text.includes(JSON.stringify(personId)))) holding.push(candidate);
  }
  return holding;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    await (args.command === 'export' ? exportCommand(args) : eraseCommand(args));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`${e instanceof StoreLoadError ? e.message : String((e as Error)?.stack ?? e)}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
