import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { buildAppPackage, envName } from '../../scripts/app-package';
import { fillPlaceholders, PackagingError, parseEnvFile } from '../../scripts/manifest-checks';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = path.join(ROOT, 'manifest');
const LOCAL_ENV = path.join(ROOT, 'env/.env.local');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-package-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** env/.env.local with some lines changed, written to the temp dir as `.env.<name>`. */
async function envFileWith(name: string, edit: (text: string) => string): Promise<string> {
  const file = path.join(dir, `.env.${name}`);
  await writeFile(file, edit(await readFile(LOCAL_ENV, 'utf8')));
  return file;
}

describe('buildAppPackage', () => {
  it('writes flokk-<env>.zip with the filled manifest, the translations and both icons at its root', async () => {
    const built = await buildAppPackage({ manifestDir: MANIFEST, envFile: LOCAL_ENV, outDir: dir });
    expect(built.zipPath).toBe(path.join(dir, 'flokk-local.zip'));

    const zip = await JSZip.loadAsync(await readFile(built.zipPath));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['color.png', 'en-US.json', 'manifest.json', 'nn-NO.json', 'outline.png']);
    expect(names.sort()).toEqual([...built.entries].sort());

    const vars = parseEnvFile(readFileSync(LOCAL_ENV, 'utf8'));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.id).toBe(vars.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(vars.BOT_ID);
    expect(manifest.composeExtensions[0].botId).toBe(vars.BOT_ID);
    expect(manifest.validDomains).toEqual([vars.BOT_DOMAIN]);
    for (const name of names) expect(await zip.file(name)!.async('string')).not.toContain('${{');
    expect((await zip.file('outline.png')!.async('nodebuffer')).equals(readFileSync(path.join(MANIFEST, 'outline.png')))).toBe(true);
  });

  it('produces the same bytes for the same inputs', async () => {
    const first = await buildAppPackage({ manifestDir: MANIFEST, envFile: LOCAL_ENV, outDir: path.join(dir, 'a') });
    const second = await buildAppPackage({ manifestDir: MANIFEST, envFile: LOCAL_ENV, outDir: path.join(dir, 'b') });
    expect((await readFile(first.zipPath)).equals(await readFile(second.zipPath))).toBe(true);
  });

  it('refuses, naming the variable, when the env file leaves a placeholder unfilled', async () => {
    const envFile = await envFileWith('ci', (text) => text.replace(/^BOT_DOMAIN=.*$/m, 'BOT_DOMAIN='));
    const build = buildAppPackage({ manifestDir: MANIFEST, envFile, outDir: dir });
    await expect(build).rejects.toThrow(PackagingError);
    await expect(build).rejects.toThrow('manifest.json: no value for ${{BOT_DOMAIN}}');
    expect(existsSync(path.join(dir, 'flokk-ci.zip'))).toBe(false);
  });

  it('refuses, listing every problem, when the filled manifest breaks a Teams rule', async () => {
    const envFile = await envFileWith('ci', (text) =>
      text.replace(/^BOT_ID=.*$/m, 'BOT_ID=not-a-guid').replace(/^BOT_DOMAIN=.*$/m, 'BOT_DOMAIN=flokk.example.org:3978'),
    );
    const build = buildAppPackage({ manifestDir: MANIFEST, envFile, outDir: dir });
    await expect(build).rejects.toThrow(/the app package for ci is not valid/);
    await expect(build).rejects.toThrow(/botId/);
    expect(existsSync(path.join(dir, 'flokk-ci.zip'))).toBe(false);
  });

  it('refuses when a file the manifest points to is missing', async () => {
    const manifestDir = path.join(dir, 'manifest');
    await cp(MANIFEST, manifestDir, { recursive: true });
    await rm(path.join(manifestDir, 'en-US.json'));
    await expect(buildAppPackage({ manifestDir, envFile: LOCAL_ENV, outDir: dir })).rejects.toThrow(/en-US\.json is referenced by manifest\.json but missing/);
  });
});

describe('placeholders', () => {
  it('are filled with JSON-safe values', () => {
    expect(JSON.parse(fillPlaceholders('{"a":"${{A}} og ${{ B }}"}', { A: 'x"y', B: 'z' }, 't.json'))).toEqual({ a: 'x"y og z' });
  });

  it('are refused with their names when missing or empty', () => {
    expect(() => fillPlaceholders('{"id":"${{TEAMS_APP_ID}}","b":"${{BOT_ID}}"}', { BOT_ID: ' ' }, 'manifest.json')).toThrow(
      'manifest.json: no value for ${{TEAMS_APP_ID}}, ${{BOT_ID}}; set TEAMS_APP_ID, BOT_ID in the env file',
    );
  });

  it('are refused when malformed, so nothing half-filled reaches Teams', () => {
    expect(() => fillPlaceholders('{"id":"${{TEAMS-APP-ID}}"}', {}, 'manifest.json')).toThrow(
      'manifest.json: placeholder left unfilled: ${{TEAMS-APP-ID}}',
    );
  });

  it('in the committed files are all defined in env/.env.local and declared in the env/.env.dev template', () => {
    const used = new Set(
      ['manifest.json', 'nn-NO.json', 'en-US.json'].flatMap((f) =>
        [...readFileSync(path.join(MANIFEST, f), 'utf8').matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]!),
      ),
    );
    const local = parseEnvFile(readFileSync(LOCAL_ENV, 'utf8'));
    const dev = parseEnvFile(readFileSync(path.join(ROOT, 'env/.env.dev'), 'utf8'));
    for (const name of used) {
      expect([name, local[name]?.length ?? 0]).not.toEqual([name, 0]);
      expect([name, name in dev]).toEqual([name, true]);
    }
  });
});

describe('envName', () => {
  it('comes from the file name, else from TEAMSFX_ENV', () => {
    expect(envName('env/.env.dev', {})).toBe('dev');
    expect(envName('/tmp/ci.env', { TEAMSFX_ENV: 'ci' })).toBe('ci');
    expect(() => envName('/tmp/ci.env', {})).toThrow(/cannot tell the environment's name/);
  });
});
