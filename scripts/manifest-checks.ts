import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';

/**
 * Everything that decides whether a Teams app package is fit to upload, as pure functions over
 * plain data: the official JSON schemas (bundled in @microsoft/app-manifest, so no network),
 * and the Teams rules those schemas leave out. Used by scripts/package-app.ts and the tests.
 */

export class PackagingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackagingError';
  }
}

/** The part of a manifest the rules read; the schema has already vouched for the rest. */
export interface TeamsManifest {
  $schema?: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  localizationInfo?: { defaultLanguageTag: string; additionalLanguages?: Array<{ languageTag: string; file: string }> };
  bots?: Array<{ botId: string; commandLists?: Array<{ scopes: string[]; commands: Array<{ title: string; description?: string }> }> }>;
  composeExtensions?: Array<{ botId?: string; commands?: Array<{ id: string; title: string; description?: string }> }>;
  validDomains?: string[];
}

/** A localization file: `$schema` plus dotted keys such as `bots[0].commandLists[0].commands[1].title`. */
export type Localization = Record<string, string>;

// ── Placeholders ────────────────────────────────────────────────────────────────────────────────

/** `${{NAME}}`, the Agents Toolkit's placeholder syntax. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseEnv(text))) if (value !== undefined) vars[key] = value;
  return vars;
}

/** Replaces every placeholder in a JSON text; an empty value counts as missing. */
export function fillPlaceholders(text: string, vars: Record<string, string>, source: string): string {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined || value.trim() === '') {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1); // the value lands inside a JSON string
  });
  if (missing.size > 0) {
    const names = [...missing].map((n) => `\${{${n}}}`).join(', ');
    throw new PackagingError(`${source}: no value for ${names}; set ${[...missing].join(', ')} in the env file`);
  }
  const leftover = filled.match(/\$\{\{[^}]*\}\}/g);
  if (leftover) throw new PackagingError(`${source}: placeholder left unfilled: ${leftover.join(', ')}`);
  return filled;
}

// ── Official schemas ────────────────────────────────────────────────────────────────────────────

const SCHEMA_FILES = { manifest: 'MicrosoftTeams.schema.json', localization: 'MicrosoftTeams.Localization.schema.json' };
export type SchemaKind = keyof typeof SCHEMA_FILES;

export function officialSchemaUrl(kind: SchemaKind, manifestVersion: string): string {
  return `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifestVersion}/${SCHEMA_FILES[kind]}`;
}

function bundledSchemaPath(kind: SchemaKind, manifestVersion: string): string {
  const pkg = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(pkg, 'build/json-schemas/teams', `v${manifestVersion}`, SCHEMA_FILES[kind]);
}

export type SchemaValidator = (document: unknown) => string[];

/** Compiles the bundled official schema; returns a function listing every violation. */
export function loadSchemaValidator(kind: SchemaKind, manifestVersion: string): SchemaValidator {
  const file = bundledSchemaPath(kind, manifestVersion);
  if (!existsSync(file)) throw new PackagingError(`no bundled ${kind} schema for manifestVersion ${manifestVersion} (${file})`);
  // The schemas are draft-04 (hence ajv-draft-04). NOTE: the localization schema has patterns such as
  // `\[\b(…)\b]` that are invalid under the `u` flag, so regexes are compiled without it.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  return (document) =>
    validate(document)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`);
}

// ── Teams rules the schema does not cover ───────────────────────────────────────────────────────

export const LIMITS = {
  nameShort: 30,
  descriptionShort: 80,
  descriptionFull: 4000,
  commandsPerList: 10,
  commandTitle: 32,
  commandDescription: 128,
} as const;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const BARE_DOMAIN = /^(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

function tooLong(where: string, value: string | undefined, max: number): string[] {
  return value !== undefined && [...value].length > max ? [`${where} is ${[...value].length} characters; Teams allows ${max}`] : [];
}

function checkTexts(where: (key: string) => string, texts: Record<string, string | undefined>): string[] {
  return [
    ...tooLong(where('name.short'), texts['name.short'], LIMITS.nameShort),
    ...tooLong(where('description.short'), texts['description.short'], LIMITS.descriptionShort),
    ...tooLong(where('description.full'), texts['description.full'], LIMITS.descriptionFull),
  ];
}

export function checkManifestRules(m: TeamsManifest): string[] {
  const problems: string[] = [];
  if (m.$schema !== officialSchemaUrl('manifest', m.manifestVersion))
    problems.push(`$schema must be ${officialSchemaUrl('manifest', m.manifestVersion)} to match manifestVersion ${m.manifestVersion}`);
  if (!SEMVER.test(m.version)) problems.push(`version "${m.version}" is not a semantic version (x.y.z)`);
  if (!GUID.test(m.id)) problems.push(`id "${m.id}" is not a GUID`);
  problems.push(
    ...checkTexts((k) => k, { 'name.short': m.name.short, 'description.short': m.description.short, 'description.full': m.description.full }),
  );
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const)
    if (!/^https:\/\/[^/\s]+/.test(m.developer[key])) problems.push(`developer.${key} "${m.developer[key]}" must be an https URL`);
  (m.bots ?? []).forEach((bot, b) => {
    if (!GUID.test(bot.botId)) problems.push(`bots[${b}].botId "${bot.botId}" is not a GUID`);
    (bot.commandLists ?? []).forEach((list, l) => {
      const where = `bots[${b}].commandLists[${l}]`;
      if (list.commands.length > LIMITS.commandsPerList)
        problems.push(`${where} has ${list.commands.length} commands; Teams allows ${LIMITS.commandsPerList}`);
      list.commands.forEach((c, i) => {
        problems.push(...tooLong(`${where}.commands[${i}].title`, c.title, LIMITS.commandTitle));
        problems.push(...tooLong(`${where}.commands[${i}].description`, c.description, LIMITS.commandDescription));
      });
    });
  });
  (m.composeExtensions ?? []).forEach((ext, e) => {
    if (ext.botId !== undefined && !GUID.test(ext.botId)) problems.push(`composeExtensions[${e}].botId "${ext.botId}" is not a GUID`);
  });
  (m.validDomains ?? []).forEach((domain, i) => {
    if (!BARE_DOMAIN.test(domain)) problems.push(`validDomains[${i}] "${domain}" must be a bare host name: no scheme, port or path`);
  });
  for (const file of packagedFiles(m))
    if (file.includes('/') || file.includes('\\')) problems.push(`"${file}" must sit next to manifest.json at the package root`);
  return problems;
}

/** The files a manifest points to, which must travel with it in the package. */
export function packagedFiles(m: TeamsManifest): string[] {
  return [m.icons.color, m.icons.outline, ...(m.localizationInfo?.additionalLanguages ?? []).map((l) => l.file)];
}

const COMMAND_TEXT = /^bots\[\d+\]\.commandLists\[\d+\]\.commands\[\d+\]\.(title|description)$/;
const OWN_KEYS = new Set(['$schema', 'name.short', 'name.full', 'description.short', 'description.full', 'localizationKeys']);

/** Length limits apply to translations too, and every translated key must name a string in the manifest. */
export function checkLocalizationRules(loc: Localization, m: TeamsManifest, file: string): string[] {
  const problems = checkTexts((k) => `${file} ${k}`, loc);
  const schemaUrl = officialSchemaUrl('localization', m.manifestVersion);
  if (loc.$schema !== schemaUrl) problems.push(`${file} $schema must be ${schemaUrl}`);
  for (const [key, value] of Object.entries(loc)) {
    if (OWN_KEYS.has(key)) continue;
    if (typeof lookup(m, key) !== 'string') problems.push(`${file} ${key} translates nothing: the manifest has no such text`);
    const command = COMMAND_TEXT.exec(key);
    if (command) {
      const max = command[1] === 'title' ? LIMITS.commandTitle : LIMITS.commandDescription;
      problems.push(...tooLong(`${file} ${key}`, value, max));
    }
  }
  return problems;
}

/** Follows a localization key such as `bots[0].commandLists[2].commands[1].title` into the manifest. */
function lookup(root: unknown, key: string): unknown {
  const steps = key.split(/\.|(?=\[)/).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s));
  return steps.reduce<unknown>((node, step) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined), root);
}

export const ICON_SIZES = { color: 192, outline: 32 } as const;

function decodePng(buffer: Buffer, name: string): PNG | string {
  try {
    return PNG.sync.read(buffer);
  } catch (error) {
    return `${name} is not a readable PNG (${(error as Error).message})`;
  }
}

/** Colour 192×192; outline 32×32, white on transparent: every pixel pure white or fully transparent. */
export function checkIcon(kind: keyof typeof ICON_SIZES, buffer: Buffer, name: string = `${kind}.png`): string[] {
  const png = decodePng(buffer, name);
  if (typeof png === 'string') return [png];
  const size = ICON_SIZES[kind];
  if (png.width !== size || png.height !== size) return [`${name} is ${png.width}×${png.height}; Teams requires ${size}×${size}`];
  if (kind === 'color') return [];
  let coloured = 0;
  let transparent = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255) coloured++;
  }
  const problems: string[] = [];
  if (coloured > 0) problems.push(`${name} has ${coloured} visible pixels that are not pure white; the outline icon must be white on transparent`);
  if (transparent === 0) problems.push(`${name} has no transparent pixels; the outline icon must be white on transparent`);
  if (transparent === size * size) problems.push(`${name} is empty`);
  return problems;
}
