import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the tests: Debian's server binaries (PostgreSQL 15, not on
 * PATH; `.ci/run` installs them where they are missing), initdb in a temp dir, a free port, the Unix
 * socket in the temp dir and no TCP listener, fsync on. As root (CI), the server runs as the
 * `postgres` user, since PostgreSQL refuses to run as root.
 */
const BIN = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find((d) => existsSync(path.join(d, 'initdb')));

export interface TestCluster {
  dir: string;
  port: number;
  /** postgresql:// URL of the `postgres` database on the cluster's socket. */
  url: (database?: string) => string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function run(command: string, args: string[], asUser?: string): void {
  const [cmd, argv] = asUser ? ['runuser', ['-u', asUser, '--', command, ...args]] : [command, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr || r.stdout}`);
}

export async function startCluster(): Promise<TestCluster> {
  if (!BIN) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install them (apt-get install -y postgresql), as .ci/run does');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flokk-pg-'));
  const user = process.getuid?.() === 0 ? 'postgres' : undefined;
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const data = path.join(dir, 'data');
  run(path.join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], user);
  run(path.join(BIN, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=on -c max_connections=200`, 'start'], user);
  return { dir, port, url: (database = 'postgres') => `postgresql://postgres@/${database}?host=${encodeURIComponent(dir)}&port=${port}` };
}

export function stopCluster(dir: string): void {
  const user = process.getuid?.() === 0 ? 'postgres' : undefined;
  try {
    run(path.join(BIN!, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'fast', '-w', 'stop'], user);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
