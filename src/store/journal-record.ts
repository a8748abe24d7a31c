import { crc32 } from 'node:zlib';

/**
 * One journal record: the change a write carried, as the difference between two portfolios in
 * the top-level arrays they hold. The states are immutable and share what a change did not touch,
 * so the difference is found by identity, item by item: a vote costs its own item, not the portfolio.
 *
 * - `at`: items replaced in place (same length), as [index, item];
 * - `splice`: one range replaced, for an array that grew or shrank: [start, deleteCount, items];
 * - `runs`: the new array as runs of the old one ([start, end)) and new items, for changes spread
 *   through a long array (a vote changed: removed where it was, appended at the end);
 * - `set`: a top-level value that is not an array (`schemaVersion`), or a whole array when that is smaller.
 */
export type Op =
  | { k: string; at: Array<[number, unknown]> }
  | { k: string; splice: [number, number, unknown[]] }
  | { k: string; runs: Array<[number, number] | { items: unknown[] }> }
  | { k: string; set: unknown };

export interface JournalRecord {
  seq: number;
  ops: Op[];
}

type Plain = Record<string, unknown>;

/** The ops that turn `from` into `to`; empty when nothing changed. */
export function diff(from: object, to: object): Op[] {
  const a = from as Plain;
  const b = to as Plain;
  const ops: Op[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y)) {
      ops.push({ k, set: y });
      continue;
    }
    if (x.length === y.length) {
      const at: Array<[number, unknown]> = [];
      for (let i = 0; i < y.length; i++) if (x[i] !== y[i]) at.push([i, y[i]]);
      if (at.length <= 64) {
        ops.push({ k, at });
        continue;
      }
      // Many items moved (one removed, one appended) or rewritten: runs below, or the whole array.
    }
    let start = 0;
    while (start < x.length && start < y.length && x[start] === y[start]) start++;
    let end = 0;
    while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
    const items = y.slice(start, y.length - end);
    const removed = x.length - start - end;
    if (items.length <= 64 || removed === 0) ops.push(items.length * 2 > y.length ? { k, set: y } : { k, splice: [start, removed, items] });
    else {
      const op = { ...runsOf(x, y, start, end), k };
      // A bulk rewrite: the array as a whole is no larger.
      ops.push((op as { runs: unknown[] }).runs.length * 2 > y.length ? { k, set: y } : op);
    }
  }
  return ops;
}

/** `y` as runs of `x` and new items: for a middle part too long to write out, mostly made of `x`'s items. */
function runsOf(x: readonly unknown[], y: readonly unknown[], start: number, end: number): Op {
  const at = new Map<unknown, number>();
  for (let i = start; i < x.length - end; i++) at.set(x[i], i);
  const runs: Array<[number, number] | { items: unknown[] }> = [];
  if (start > 0) runs.push([0, start]);
  for (let j = start; j < y.length - end; j++) {
    const i = at.get(y[j]);
    const last = runs.at(-1);
    if (i === undefined) {
      if (last && !Array.isArray(last)) last.items.push(y[j]);
      else runs.push({ items: [y[j]] });
    } else if (Array.isArray(last) && last[1] === i) last[1] = i + 1;
    else runs.push([i, i + 1]);
  }
  if (end > 0) {
    const last = runs.at(-1);
    if (Array.isArray(last) && last[1] === x.length - end) last[1] = x.length;
    else runs.push([x.length - end, x.length]);
  }
  return { k: '', runs };
}

/** Applies `ops` to `state` (plain JSON, before validation), returning a new object; the input is not changed. */
export function apply(state: unknown, ops: readonly Op[]): Plain {
  if (!state || typeof state !== 'object' || Array.isArray(state)) throw new Error('the data is not an object');
  const out: Plain = { ...(state as Plain) };
  for (const op of ops) {
    if ('set' in op) {
      out[op.k] = op.set;
      continue;
    }
    const current = out[op.k];
    if (!Array.isArray(current)) throw new Error(`${op.k} is not an array`);
    if ('runs' in op) {
      const out2: unknown[] = [];
      for (const run of op.runs) {
        if (Array.isArray(run)) {
          const [a, b] = run;
          if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > current.length || a > b) throw new Error(`${op.k}: run ${a}..${b} out of range`);
          for (let i = a; i < b; i++) out2.push(current[i]);
        } else out2.push(...run.items);
      }
      out[op.k] = out2;
      continue;
    }
    const next = [...(current as unknown[])];
    if ('at' in op) {
      for (const [i, item] of op.at) {
        if (!Number.isInteger(i) || i < 0 || i >= next.length) throw new Error(`${op.k}[${i}] is out of range`);
        next[i] = item;
      }
    } else {
      const [start, deleteCount, items] = op.splice;
      if (!Number.isInteger(start) || start < 0 || start > next.length || deleteCount < 0 || start + deleteCount > next.length) {
        throw new Error(`${op.k}: splice at ${start} out of range`);
      }
      next.splice(start, deleteCount, ...items);
    }
    out[op.k] = next;
  }
  return out;
}

/**
 * `<crc32 of the JSON, 8 hex> <byte length of the JSON> <JSON>\n`. The length and checksum tell a
 * whole record from one torn by a crash (or a tail of zeros some filesystems leave); JSON never
 * holds a raw newline, so records split on it.
 */
export function encode(record: JournalRecord): Buffer {
  const json = Buffer.from(JSON.stringify(record), 'utf8');
  return Buffer.concat([Buffer.from(`${crc32(json).toString(16).padStart(8, '0')} ${json.length} `, 'latin1'), json, Buffer.from('\n')]);
}

export interface Decoded {
  records: JournalRecord[];
  /** Bytes up to the end of the last whole record. */
  validBytes: number;
  /** Bytes after that which are not a whole record: a tail torn by a crash. */
  tornBytes: number;
  /** A damaged record with whole records after it: not a torn tail, and nothing may be dropped silently. */
  damagedAt?: number;
}

const HEADER = /^([0-9a-f]{8}) (\d{1,10}) $/;

/** Splits a journal segment into records, stopping at the first that is not whole. */
export function decode(bytes: Buffer): Decoded {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const record = recordAt(bytes, offset);
    if (!record) break;
    records.push(record.record);
    offset = record.end;
  }
  const decoded: Decoded = { records, validBytes: offset, tornBytes: bytes.length - offset };
  // Anything whole after the first bad record means damage in the middle, not a torn end.
  for (let at = bytes.indexOf(0x0a, offset); at !== -1 && at + 1 < bytes.length; at = bytes.indexOf(0x0a, at + 1)) {
    if (recordAt(bytes, at + 1)) return { ...decoded, damagedAt: offset };
  }
  return decoded;
}

function recordAt(bytes: Buffer, offset: number): { record: JournalRecord; end: number } | undefined {
  // The header is at most 8 + 1 + 10 + 1 bytes.
  const headerEnd = bytes.indexOf(0x20, bytes.indexOf(0x20, offset) + 1);
  if (headerEnd === -1 || headerEnd - offset > 20) return undefined;
  const header = HEADER.exec(bytes.toString('latin1', offset, headerEnd + 1));
  if (!header) return undefined;
  const length = Number(header[2]);
  const start = headerEnd + 1;
  const end = start + length;
  if (end + 1 > bytes.length || bytes[end] !== 0x0a) return undefined;
  const json = bytes.subarray(start, end);
  if (crc32(json) !== parseInt(header[1]!, 16)) return undefined;
  try {
    const record = JSON.parse(json.toString('utf8')) as JournalRecord;
    if (!Number.isInteger(record.seq) || !Array.isArray(record.ops)) return undefined;
    return { record, end: end + 1 };
  } catch {
    return undefined;
  }
}
