import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';

/**
 * `<file>.lock`: one process at a time writes a data file. Two writers would each keep their own
 * in-memory state and overwrite the other's changes (a running bot would undo an erasure done
 * from the command line). The lock holds the owner's pid and, on Linux, the pid's start time, so
 * a lock left by a killed process, or by an earlier container whose pids are reused, is taken over.
 */
export interface LockOwner {
  pid: number;
  /** Clock ticks after boot at which the pid started (Linux `/proc/<pid>/stat`), when known. */
  started?: number;
  token: string;
  since: string;
}

export class FileLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly owner: LockOwner,
  ) {
    super(`another process (pid ${owner.pid}, since ${owner.since}) holds ${lockFile}`);
    this.name = 'FileLockedError';
  }
}

export class FileLock {
  private constructor(
    readonly path: string,
    private readonly token: string,
    /** The owner of a stale lock this one replaced, if any. */
    readonly tookOverFrom: LockOwner | undefined,
  ) {}

  /** Takes the lock beside `file`, or throws FileLockedError while a live process holds it. */
  static async acquire(file: string): Promise<FileLock> {
    const lockFile = `${file}.lock`;
    let stale: LockOwner | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const me: LockOwner = { pid: process.pid, started: startTime(process.pid), token: randomUUID(), since: new Date().toISOString() };
      try {
        const handle = await open(lockFile, 'wx', 0o600);
        try {
          await handle.writeFile(JSON.stringify(me) + '\n', 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
        return new FileLock(lockFile, me.token, stale);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const owner = await readOwner(lockFile);
      if (owner && holds(owner)) throw new FileLockedError(lockFile, owner);
      stale = owner ?? stale;
      await unlink(lockFile).catch(ignoreMissing);
    }
    throw new Error(`could not take ${lockFile}: it keeps coming back`);
  }

  /** Removes the lock, unless someone else has taken it over meanwhile. */
  async release(): Promise<void> {
    const owner = await readOwner(this.path);
    if (owner?.token === this.token) await unlink(this.path).catch(ignoreMissing);
  }
}

async function readOwner(lockFile: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(lockFile, 'utf8')) as Partial<LockOwner>;
    return Number.isInteger(owner.pid) && typeof owner.token === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    // Missing, or torn by a crash between creating and writing it: nobody holds it.
    return undefined;
  }
}

/** Whether the lock's owner is still running: another live process that started when the lock says. */
function holds(owner: LockOwner): boolean {
  // This process: a lock from an earlier run whose pid we now have (pid 1 in a container), or an
  // earlier, unclosed store in this very process. Neither is another writer.
  if (owner.pid === process.pid) return false;
  if (!alive(owner.pid)) return false;
  const started = startTime(owner.pid);
  return owner.started === undefined || started === undefined || started === owner.started;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function startTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the fields after it are plain. starttime is field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const value = Number(fields[19]);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const ignoreMissing = (e: NodeJS.ErrnoException) => {
  if (e.code !== 'ENOENT') throw e;
};
