import { open, readdir, readFile, rename, copyFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { alive } from './file-lock';

/**
 * A JSON file written atomically and durably: the new content goes to a temporary file in the
 * same directory, is fsynced, renamed over the old file, and the directory is fsynced, so a
 * crash at any moment leaves either the old file or the new one, never a torn one.
 *
 * It has the shape of a lowdb adapter (`read`, `write`).
 */
export class DurableJsonFile<T> {
  constructor(readonly file: string) {}

  /**
   * Removes temporary files other processes left beside this file when they were killed mid-write,
   * and returns their names. A temporary file of a process still running is left alone.
   */
  async removeStaleTemps(): Promise<string[]> {
    const dir = path.dirname(this.file);
    const pattern = tempPattern(this.file);
    const removed: string[] = [];
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const pid = Number(pattern.exec(name)?.[1]);
      if (!pid || pid === process.pid || alive(pid)) continue;
      await unlink(path.join(dir, name)).then(
        () => removed.push(name),
        () => undefined,
      );
    }
    return removed;
  }

  /**
   * The file's text, or `undefined` if it does not exist. Bytes that are not UTF-8 are an error,
   * not silently replaced by U+FFFD: a lossy read would be written back and lose them for good.
   */
  async readText(): Promise<string | undefined> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      // ignoreBOM keeps a byte order mark in the text, as readFile(…, 'utf8') did.
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new Error('the file is not valid UTF-8');
    }
  }

  async read(): Promise<T | null> {
    const text = await this.readText();
    return text === undefined ? null : (JSON.parse(text) as T);
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(data, null, 1) + '\n');
  }

  /** Copies the current file aside, durably, before something risky such as a migration. */
  async backup(suffix: string): Promise<string> {
    const target = `${this.file}.${suffix}`;
    await copyFile(this.file, target);
    const handle = await open(target, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return target;
  }
}

/**
 * Replaces `file` with `data` (a string as UTF-8) so that a crash at any moment leaves the old
 * content or the new, whole: `data` goes to this process's temporary file beside it (mode 0600),
 * is fsynced, renamed over `file`, and the directory is fsynced so the rename itself survives.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempPathFor(file, process.pid);
  const handle = await open(tmp, 'w', 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    // Whatever failed, the old file is untouched; do not leave a copy of the data lying beside it.
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(path.dirname(file));
}

/** `.<name>.<pid>.tmp` beside the file: where process `pid` writes the file's next content. */
export function tempPathFor(file: string, pid: number): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${pid}.tmp`);
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const tempPattern = (file: string) => new RegExp(`^\\.${escapeRegExp(path.basename(file))}\\.(\\d+)\\.tmp$`);

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
