import { spawn, type ChildProcess } from 'node:child_process';
import type { ChildArgs, ReadyReport } from './child-protocol';
import { prepareRuntime, PROJECT_ROOT, type Runtime } from './runtime';

/**
 * Starts a bot under test as a child process, `node [--cpu-prof] <bot-child>` with the same Node
 * as the benchmark (see runtime.ts for how bot-child runs), and talks to it over IPC. Every child
 * is tracked, so a benchmark that runs out of time can kill exactly the processes it started.
 */
const live = new Set<ChildProcess>();
let runtime: Runtime | undefined;

/** The runtime every child of this process uses; prepared once. */
export function botRuntime(): Runtime {
  runtime ??= prepareRuntime();
  return runtime;
}

export interface BotProcess {
  ready: ReadyReport;
  pid: number;
  request<T>(cmd: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** Asks the bot to close (Flokk flushes its store) and waits for the process to end. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface SpawnOptions {
  /** How long the child may take to report ready. */
  readyTimeoutMs?: number;
  /** Write a V8 CPU profile of the child into this directory (`--cpu-prof`). */
  cpuProfDir?: string;
}

export function spawnBot(args: ChildArgs, o: SpawnOptions = {}): Promise<BotProcess> {
  const profile = o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`, `--cpu-prof-name=${args.mode}-${Date.now()}.cpuprofile`] : [];
  // BENCH_PRELOAD=bench/experiments/x.ts,… loads experiments (a change tried before it is made in src/) first.
  const preload = (process.env.BENCH_PRELOAD ?? '').split(',').filter(Boolean).flatMap((file) => ['--require', botRuntime().resolve(file)]);
  // --expose-gc only lets the child measure its memory after a full collection, once it is ready.
  const child = spawn(process.execPath, ['--expose-gc', ...profile, ...preload, ...botRuntime().args, JSON.stringify(args)], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // The bots get none of the benchmark's NODE_OPTIONS (jest's, say).
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  live.add(child);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), live.delete(child), resolve())));
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  child.on('message', (m: { id?: number; ok?: boolean; result?: unknown; error?: string }) => {
    const waiter = m.id === undefined ? undefined : pending.get(m.id);
    if (!waiter) return;
    pending.delete(m.id!);
    if (m.ok) waiter.resolve(m.result);
    else waiter.reject(new Error(`child ${args.mode}: ${m.error}`));
  });
  void exit.then(() => {
    for (const w of pending.values()) w.reject(new Error(`child ${args.mode} (pid ${child.pid}) exited with code ${child.exitCode}`));
    pending.clear();
  });

  const request = <T>(cmd: string, extra: Record<string, unknown> = {}, timeoutMs = 120_000): Promise<T> => {
    if (exited) return Promise.reject(new Error(`child ${args.mode} has exited`));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`child ${args.mode}: ${cmd} took longer than ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      child.send({ id, cmd, ...extra });
    });
  };

  return new Promise<BotProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill(child);
      reject(new Error(`child ${args.mode} was not ready within ${o.readyTimeoutMs ?? 60_000} ms`));
    }, o.readyTimeoutMs ?? 60_000);
    child.once('error', (e) => (clearTimeout(timer), reject(e)));
    void exit.then(() => (clearTimeout(timer), reject(new Error(`child ${args.mode} exited with code ${child.exitCode} before it was ready`))));
    child.on('message', (m: ReadyReport) => {
      if (m?.type !== 'ready') return;
      clearTimeout(timer);
      resolve({
        ready: m,
        pid: child.pid!,
        request,
        stop: async (timeoutMs = 60_000) => {
          if (exited) return;
          await request('stop', {}, timeoutMs).catch((e: Error) => {
            kill(child);
            throw e;
          });
          await exit;
        },
      });
    });
  });
}

function kill(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) child.kill('SIGKILL');
}

/** Kills every child this process started that is still running (a benchmark ran out of time). */
export function killAllBots(): void {
  for (const child of live) kill(child);
}

process.once('exit', killAllBots);
