import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

/**
 * How the bots under test run. By default as JavaScript, the way production runs Flokk
 * (`node dist/index.js`): src/ and bench/ are transpiled file by file with the project's
 * tsconfig (as tsc would emit them, without type checking) into a cache directory, so start-up
 * time and resident memory are not inflated by an on-the-fly TypeScript loader. With
 * BENCH_RUNTIME=tsx the children run `node --import tsx bench/lib/bot-child.ts` instead.
 */
export interface Runtime {
  kind: 'js' | 'tsx';
  /** node arguments before the child's own: the entry file (and `--import tsx`). */
  args: string[];
  /** Transpiling, when the cache was cold, ms. */
  prepareMs: number;
  /** What to `--require` for a project file (bench/experiments/…), as this runtime runs it. */
  resolve(file: string): string;
}

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = ['src', 'bench'];

export function prepareRuntime(kind: Runtime['kind'] = process.env.BENCH_RUNTIME === 'tsx' ? 'tsx' : 'js'): Runtime {
  if (kind === 'tsx') {
    return {
      kind,
      args: ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'lib', 'bot-child.ts')],
      prepareMs: 0,
      resolve: () => {
        throw new Error('BENCH_PRELOAD needs the default runtime (compiled JavaScript), not BENCH_RUNTIME=tsx');
      },
    };
  }
  const started = performance.now();
  const files = SOURCES.flatMap((dir) => tsFiles(path.join(PROJECT_ROOT, dir)));
  const hash = createHash('sha256');
  for (const f of files) {
    const s = statSync(f);
    hash.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
  }
  const cache = path.join(os.tmpdir(), `flokk-bench-js-${process.getuid?.() ?? 'u'}`);
  const out = path.join(cache, hash.digest('hex').slice(0, 16));
  if (!existsSync(out)) {
    build(files, out);
    removeStale(cache, out);
  }
  return {
    kind,
    args: [path.join(out, 'bench', 'lib', 'bot-child.js')],
    prepareMs: performance.now() - started,
    resolve: (file) => path.join(out, path.relative(PROJECT_ROOT, path.resolve(PROJECT_ROOT, file)).replace(/\.ts$/, '.js')),
  };
}

function build(files: string[], out: string): void {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(PROJECT_ROOT, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('tsconfig.json could not be read');
  const options: ts.CompilerOptions = { ...config.options, sourceMap: false, inlineSourceMap: false, declaration: false, noEmit: false };
  // Built beside the final directory and renamed into place, so a concurrent run never sees half of it.
  const staging = `${out}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  for (const file of files) {
    const rel = path.relative(PROJECT_ROOT, file);
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file });
    const target = path.join(staging, rel.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  // What the compiled code reads relative to itself: the project's package.json, data/ and node_modules/.
  cpSync(path.join(PROJECT_ROOT, 'package.json'), path.join(staging, 'package.json'));
  symlinkSync(path.join(PROJECT_ROOT, 'data'), path.join(staging, 'data'));
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(staging, 'node_modules'));
  try {
    renameSync(staging, out);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(out)) throw e;
  }
}

/** Older builds of sources since changed; left alone for an hour in case a run still uses one. */
function removeStale(cache: string, keep: string): void {
  for (const entry of readdirSync(cache, { withFileTypes: true })) {
    const dir = path.join(cache, entry.name);
    if (dir !== keep && entry.isDirectory() && Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
  }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.d.ts'))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}
