import { open, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { escapeRegExp, syncDirectory } from './durable-json-file';
import { decode, encode, type JournalRecord } from './journal-record';

/**
 * The append-only journal beside a snapshot: `<file>.journal.<first seq>` segments, each a run of
 * records (journal-record.ts) appended and fdatasynced one write at a time. The snapshot names the
 * last record it holds (`journalSeq`), so a record is replayed once however a compaction was cut
 * short. A compaction seals the segment being written (the next record starts a new one), writes
 * the snapshot, then removes the sealed segments; writes go on meanwhile.
 */
export interface Segment {
  path: string;
  start: number;
}

export class JournalDamagedError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'JournalDamagedError';
  }
}

export async function segmentsOf(file: string): Promise<Segment[]> {
  const dir = path.dirname(file);
  const pattern = new RegExp(`^${escapeRegExp(path.basename(file))}\\.journal\\.(\\d{12})$`);
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .map((name) => ({ name, start: pattern.exec(name)?.[1] }))
    .filter((x): x is { name: string; start: string } => x.start !== undefined)
    .map((x) => ({ path: path.join(dir, x.name), start: Number(x.start) }))
    .sort((a, b) => a.start - b.start);
}

const segmentPath = (file: string, start: number) => `${file}.journal.${String(start).padStart(12, '0')}`;

export interface Replay {
  /** The records after the snapshot's, in order, contiguous. */
  records: JournalRecord[];
  segments: Segment[];
  /** The last segment's torn tail, if a crash left one: where its whole records end. */
  torn?: { segment: Segment; validBytes: number; tornBytes: number };
  /** The last sequence number used, in the snapshot or the journal. */
  lastSeq: number;
  /** The bytes of whole records in the last segment, and how many records it holds. */
  lastSize: number;
  lastRecords: number;
}

/**
 * The records a snapshot that holds everything up to `snapshotSeq` lacks. A torn tail (a crash
 * mid-append) is left out: it was never acknowledged. A damaged record with whole records after
 * it, or a gap in the sequence, is an error: skipping it would drop acknowledged changes.
 */
export async function readJournal(file: string, snapshotSeq: number): Promise<Replay> {
  const segments = await segmentsOf(file);
  const records: JournalRecord[] = [];
  let lastSeq = snapshotSeq;
  let torn: Replay['torn'];
  let lastSize = 0;
  let lastRecords = 0;
  for (const [i, segment] of segments.entries()) {
    let bytes: Buffer;
    try {
      bytes = await readFile(segment.path);
    } catch (e) {
      // Removed by a compaction that finished meanwhile: its records are in a newer snapshot.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new JournalGoneError();
      throw e;
    }
    const decoded = decode(bytes);
    if (decoded.damagedAt !== undefined) {
      throw new JournalDamagedError(segment.path, `a record at byte ${decoded.damagedAt} is damaged and whole records follow it`);
    }
    if (i === segments.length - 1) {
      if (decoded.tornBytes > 0) torn = { segment, validBytes: decoded.validBytes, tornBytes: decoded.tornBytes };
      lastSize = decoded.validBytes;
      lastRecords = decoded.records.length;
    }
    for (const record of decoded.records) {
      if (record.seq <= snapshotSeq) continue;
      if (record.seq !== lastSeq + 1) {
        throw new JournalDamagedError(segment.path, `record ${record.seq} follows ${lastSeq}: the journal does not continue the data file (was the data file replaced while Flokk was stopped?)`);
      }
      records.push(record);
      lastSeq = record.seq;
    }
  }
  return { records, segments, torn, lastSeq, lastSize, lastRecords };
}

/** A segment vanished while it was read: a running Flokk compacted; read the snapshot again. */
export class JournalGoneError extends Error {}

/**
 * Appends records to the current segment, one write and one fdatasync each; one append at a time.
 * The segment is opened for each append rather than held open: a journal removed or replaced
 * under a running Flokk then fails the write instead of acknowledging it into a file nobody will read.
 */
export class JournalWriter {
  private current: Segment | undefined;
  private size = 0;
  /** Records and bytes since the last seal: what a compaction would fold in. */
  records = 0;
  bytes = 0;
  /** Segments whose records are all at or below the sequence number of the last seal. */
  private sealed: Segment[] = [];

  /** `segments`: those found at open; the last one, if any, is continued (`size`: its whole records' bytes). */
  constructor(
    readonly file: string,
    segments: readonly Segment[],
    size: number,
    recordsFound: number,
  ) {
    this.sealed = segments.slice(0, -1);
    this.current = segments.at(-1);
    this.size = size;
    this.records = recordsFound;
    this.bytes = size;
  }

  get segmentCount(): number {
    return this.sealed.length + (this.current ? 1 : 0);
  }

  async append(record: JournalRecord): Promise<void> {
    const bytes = encode(record);
    const segment = (this.current ??= { path: segmentPath(this.file, record.seq), start: record.seq });
    const handle = await open(segment.path, 'a', 0o600);
    const before = this.size;
    try {
      await handle.write(bytes);
      await handle.datasync();
      // A new file survives a crash only once its directory entry is durable too.
      if (before === 0) await syncDirectory(path.dirname(this.file));
    } catch (e) {
      // Take back what may have reached the file, so a record that was refused does not replay.
      // The caller writes a whole snapshot next, whose journalSeq covers this record either way.
      await handle.truncate(before).then(() => handle.datasync()).catch(() => undefined);
      throw e;
    } finally {
      await handle.close().catch(() => undefined);
    }
    this.size += bytes.length;
    this.records += 1;
    this.bytes += bytes.length;
  }

  /** The next record starts a new segment. Returns the segments to remove once a snapshot holds their records. */
  seal(): Segment[] {
    if (this.current) this.sealed.push(this.current);
    this.current = undefined;
    this.size = 0;
    this.records = 0;
    this.bytes = 0;
    const out = this.sealed;
    this.sealed = [];
    return out;
  }

  /** Gives back segments a failed compaction could not fold in; the next seal returns them again. */
  unseal(segments: readonly Segment[]): void {
    this.sealed = [...segments, ...this.sealed];
  }

  /** Removes segments a durable snapshot now holds; one that cannot be removed is skipped on replay by its sequence numbers. */
  static async remove(segments: readonly Segment[]): Promise<void> {
    for (const s of segments) await unlink(s.path).catch(() => undefined);
    if (segments.length > 0) await syncDirectory(path.dirname(segments[0]!.path)).catch(() => undefined);
  }
}

/** Cuts a torn tail off the last segment at open, so the next record does not follow garbage. */
export async function truncateTorn(segment: Segment, validBytes: number): Promise<void> {
  const handle = await open(segment.path, 'r+');
  try {
    await handle.truncate(validBytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
