import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a bot spent its CPU: reads a V8 `.cpuprofile` (from BENCH_CPU_PROF=<dir>, which starts
 * the bots with `--cpu-prof`) and prints the functions and the files/packages with the most
 * self time. `tsx bench/lib/profile-summary.ts <file.cpuprofile> [top]`
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: Array<{ name: string; ms: number; share: number }>;
  byPlace: Array<{ name: string; ms: number; share: number }>;
  /** Inclusive time of the project's own functions (src/), each counted once per sample. */
  inclusiveOwn: Array<{ name: string; ms: number; share: number }>;
  /** Inclusive time of functions whose name matches, e.g. /stringify|persist/. */
  inclusive: (pattern: RegExp) => number;
}

export function summariseProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = new Set(['(idle)', '(program)']);
  const fn = new Map<string, number>();
  const place = new Map<string, number>();
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame;
    const where = placeOf(f.url);
    const name = `${f.functionName || '(anonymous)'} ${where}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    fn.set(name, (fn.get(name) ?? 0) + t);
    if (!idle.has(f.functionName)) place.set(where || f.functionName, (place.get(where || f.functionName) ?? 0) + t);
  }
  const rank = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
  const inclusive = (pattern: RegExp) => {
    let sum = 0;
    for (const [id, t] of self) {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        if (pattern.test(byId.get(at)!.callFrame.functionName)) {
          sum += t;
          break;
        }
      }
    }
    return sum;
  };
  const own = new Map<string, number>();
  for (const [id, t] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const where = placeOf(f.url);
      if (!where.startsWith('src/')) continue;
      const name = `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      own.set(name, (own.get(name) ?? 0) + t);
    }
  }
  return { totalMs, byFunction: rank(fn), byPlace: rank(place), inclusiveOwn: rank(own), inclusive };
}

/** `node_modules/<package>` or the project-relative file, so costs add up by owner. */
function placeOf(url: string): string {
  if (!url) return '';
  const p = url.replace(/^file:\/\//, '');
  const nm = p.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = p.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const m = /\/(src|bench|test)\/.*$/.exec(p);
  return m ? m[0].slice(1) : path.basename(p);
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: tsx bench/lib/profile-summary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  const s = summariseProfile(file, Number(top ?? 25));
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
  console.log(`total ${Math.round(s.totalMs)} ms\n\nself time by function:`);
  for (const r of s.byFunction) console.log(`${pct(r.share)} ${Math.round(r.ms).toString().padStart(7)} ms  ${r.name}`);
  console.log('\ninclusive time of src/ functions:');
  for (const r of s.inclusiveOwn) console.log(`${pct(r.share)} ${Math.round(r.ms).toString().padStart(7)} ms  ${r.name}`);
  console.log('\nself time by package / file:');
  for (const r of s.byPlace) console.log(`${pct(r.share)} ${Math.round(r.ms).toString().padStart(7)} ms  ${r.name}`);
}
