import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** `npm run ask -- …` as a person runs it: its own process, through tsx, reading only stdout, stderr and the exit code. */
const PROJECT_ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const DATA_FILE = path.join(PROJECT_ROOT, 'data', 'flokk.json');

// Each run loads Flokk through tsx: some seconds alone, several times that beside the rest of the suite.
jest.setTimeout(90_000);

/** The script through its tsx bin, as package.json's `ask` runs it. */
function ask(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return run(TSX, ['scripts/ask.ts', ...args]);
}

/** `npm run -s ask -- …`: the package.json script itself, without npm's own banner. */
function viaNpm(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return run('npm', ['run', '-s', 'ask', '--', ...args]);
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function contentOf(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

describe('npm run ask', () => {
  it('prints who owns a project, and only that, then exits 0', async () => {
    const before = await contentOf(DATA_FILE);
    const run = await viaNpm('hvem eier felles sak-/arkivsystem?');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Felles sak-/arkivsystem eies av Trondheim. Prosjektleder er Eli Fiktivdal. Status: I gang.\n');
    // The demo portfolio is copied to a temporary directory; data/flokk.json is neither made nor changed.
    expect(await contentOf(DATA_FILE)).toBe(before);
  });

  it('prints a card as its text, in the language asked for', async () => {
    const run = await ask('--locale', 'en-US', 'what does Orkland own?');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('Projects for Orkland');
    expect(lines).toContain('Felles sak-/arkivsystem · Active · felles sak-/arkivsystem');
    expect(run.stdout).not.toMatch(/[{}"]/);
  });

  it('asks as the person named by --as, by name or aadObjectId; the secretariat by default', async () => {
    const [secretariat, byName, byId] = await Promise.all([
      ask('roller'),
      ask('--as', 'Ola Demodal', 'roller'),
      ask('--as', '00000000-0000-4000-8000-000000000002', '--locale', 'nn-NO', 'kva må eg røyste over?'),
    ]);
    expect(secretariat.code).toBe(0);
    expect(secretariat.stdout).toMatch(/^Roller i nettverket: DigiTrøndelag\n/);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toBe('Bare sekretariatet kan endre roller.\n');
    expect(byId.code).toBe(0);
    expect(byId.stdout).toBe('Det er ingen opne avrøystingar no.\n');
  });

  it('without a question says what it needs, with an example, and exits 2', async () => {
    const run = await ask('   ');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('ask needs a question');
    expect(run.stderr).toContain('npm run ask -- "hvem eier felles sak-/arkivsystem?"');
  });

  it('refuses a person who is not in the demo network, and a locale Flokk does not speak', async () => {
    const nobody = await ask('--as', 'Ingen Person', 'hei');
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('no person «Ingen Person»');
    const locale = await ask('--locale', 'de-DE', 'hei');
    expect(locale.code).toBe(2);
    expect(locale.stderr).toContain('--locale must be one of nb-NO, nn-NO, en-US');
  });
});
