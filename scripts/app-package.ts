import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import {
  checkIcon,
  checkLocalizationRules,
  checkManifestRules,
  fillPlaceholders,
  loadSchemaValidator,
  type Localization,
  PackagingError,
  packagedFiles,
  parseEnvFile,
  type TeamsManifest,
} from './manifest-checks';

/** The app as it goes into the package: placeholders filled, every file read. */
export interface FilledApp {
  manifest: TeamsManifest;
  /** File name → filled localization file. */
  localizations: Map<string, Localization>;
  /** File name → PNG bytes. */
  icons: { color: [string, Buffer]; outline: [string, Buffer] };
}

/** The environment's name: `env/.env.dev` → `dev`, else TEAMSFX_ENV from the file. */
export function envName(envFile: string, vars: Record<string, string>): string {
  const fromName = /^\.env\.([A-Za-z0-9_-]+)$/.exec(path.basename(envFile))?.[1];
  const name = fromName ?? vars.TEAMSFX_ENV;
  if (!name) throw new PackagingError(`cannot tell the environment's name from ${envFile}: call it .env.<name> or set TEAMSFX_ENV`);
  return name;
}

export function readEnvFile(envFile: string): Record<string, string> {
  if (!existsSync(envFile)) throw new PackagingError(`env file ${envFile} not found`);
  return parseEnvFile(readFileSync(envFile, 'utf8'));
}

function readJson<T>(manifestDir: string, file: string, vars: Record<string, string>): T {
  const full = path.join(manifestDir, file);
  if (!existsSync(full)) throw new PackagingError(`${file} is referenced by manifest.json but missing from ${manifestDir}`);
  const text = fillPlaceholders(readFileSync(full, 'utf8'), vars, file);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new PackagingError(`${file} is not valid JSON after filling placeholders: ${(error as Error).message}`);
  }
}

function readIcon(manifestDir: string, file: string): [string, Buffer] {
  const full = path.join(manifestDir, file);
  if (!existsSync(full)) throw new PackagingError(`${file} is referenced by manifest.json but missing from ${manifestDir}`);
  return [file, readFileSync(full)];
}

export function loadFilledApp(manifestDir: string, vars: Record<string, string>): FilledApp {
  const manifest = readJson<TeamsManifest>(manifestDir, 'manifest.json', vars);
  const localizations = new Map<string, Localization>();
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? [])
    localizations.set(file, readJson<Localization>(manifestDir, file, vars));
  const icons = { color: readIcon(manifestDir, manifest.icons.color), outline: readIcon(manifestDir, manifest.icons.outline) };
  return { manifest, localizations, icons };
}

/** Every problem found: schema violations first (the rules assume a schema-valid manifest), then Teams rules. */
export function checkApp(app: FilledApp): string[] {
  const version = app.manifest.manifestVersion;
  const schemaProblems = loadSchemaValidator('manifest', version)(app.manifest).map((p) => `manifest.json ${p}`);
  const validateLocalization = loadSchemaValidator('localization', version);
  for (const [file, loc] of app.localizations) schemaProblems.push(...validateLocalization(loc).map((p) => `${file} ${p}`));
  if (schemaProblems.length > 0) return schemaProblems;
  return [
    ...checkManifestRules(app.manifest),
    ...[...app.localizations].flatMap(([file, loc]) => checkLocalizationRules(loc, app.manifest, file)),
    ...checkIcon('color', app.icons.color[1], app.icons.color[0]),
    ...checkIcon('outline', app.icons.outline[1], app.icons.outline[0]),
  ];
}

// A fixed timestamp keeps the zip byte-for-byte the same for the same inputs.
const ZIP_DATE = new Date(Date.UTC(2026, 0, 1));

export async function zipApp(app: FilledApp): Promise<Buffer> {
  const zip = new JSZip();
  const add = (name: string, data: string | Buffer) => zip.file(name, data, { date: ZIP_DATE });
  add('manifest.json', JSON.stringify(app.manifest, null, 2) + '\n');
  for (const [file, loc] of app.localizations) add(file, JSON.stringify(loc, null, 2) + '\n');
  add(...app.icons.color);
  add(...app.icons.outline);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

export interface PackageOptions {
  /** Folder holding manifest.json, the localization files and the icons. */
  manifestDir: string;
  envFile: string;
  outDir: string;
}

export interface BuiltPackage {
  zipPath: string;
  env: string;
  entries: string[];
}

/** Fill, check, zip: refuses with every problem listed rather than writing a package Teams would reject. */
export async function buildAppPackage({ manifestDir, envFile, outDir }: PackageOptions): Promise<BuiltPackage> {
  const vars = readEnvFile(envFile);
  const env = envName(envFile, vars);
  const app = loadFilledApp(manifestDir, vars);
  const problems = checkApp(app);
  if (problems.length > 0) throw new PackagingError(`the app package for ${env} is not valid:\n  - ${problems.join('\n  - ')}`);
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `flokk-${env}.zip`);
  writeFileSync(zipPath, await zipApp(app));
  return { zipPath, env, entries: ['manifest.json', ...packagedFiles(app.manifest)] };
}
