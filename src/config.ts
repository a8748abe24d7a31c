import { z } from 'zod/v4';
import path from 'node:path';

/**
 * The environment, parsed once. Nothing else in Flokk reads `process.env`.
 *
 * Bot Framework credentials use the names botbuilder itself reads
 * (`MicrosoftAppId`, `MicrosoftAppPassword`, `MicrosoftAppType`, `MicrosoftAppTenantId`).
 */
const Locale = z.enum(['nb', 'nn', 'en']);
export type Locale = z.infer<typeof Locale>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const idList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0))
  .pipe(z.array(z.string().regex(GUID, 'each id must be a Teams aadObjectId (a GUID)')));

/** "digitrondelag=tenant-guid,tenant-guid;digi-vestland=tenant-guid" */
const networkTenants = z.string().transform((s, ctx) => {
  const out: Record<string, string[]> = {};
  for (const part of s.split(';').map((x) => x.trim()).filter(Boolean)) {
    const [network, list = ''] = part.split('=').map((x) => x.trim());
    const tenants = list.split(',').map((x) => x.trim()).filter(Boolean);
    if (!network || tenants.length === 0 || !tenants.every((t) => GUID.test(t))) {
      ctx.addIssue({ code: 'custom', message: 'expected network=tenant-guid,tenant-guid;network=…' });
      return z.NEVER;
    }
    out[network] = tenants;
  }
  return out;
});

const Env = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).optional(),
  FLOKK_DATA_FILE: z.string().min(1).default('data/flokk.json'),
  FLOKK_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
  FLOKK_DEFAULT_LOCALE: Locale.default('nb'),
  FLOKK_DEFAULT_NETWORK: z.string().min(1).default('digitrondelag'),
  FLOKK_SEED_DEMO: z.enum(['true', 'false']).optional(),
  FLOKK_BOOTSTRAP_ADMINS: idList.default([]),
  FLOKK_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  FLOKK_VOTE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  FLOKK_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  FLOKK_NETWORK_TENANTS: networkTenants.optional(),
  FLOKK_POLL_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  FLOKK_BACKUPS: z.coerce.number().int().min(0).max(1000).default(7),
  FLOKK_BACKUP_MINUTES: z.coerce.number().int().min(1).max(10080).default(60),
  FLOKK_OPENID_METADATA_URL: z.url({ protocol: /^https?$/ }).refine(httpsOrLoopback, 'must be https (http only on a loopback address)').optional(),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().optional(),
});

export interface Credentials {
  appId: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

export interface Config {
  /** Local development: no credentials, anonymous traffic, loopback only, demo data on first start. */
  localMode: boolean;
  port: number;
  host: string;
  dataFile: string;
  /** PostgreSQL instead of the data file: state, audit log and all, shared by several instances. */
  databaseUrl?: string;
  defaultLocale: Locale;
  defaultNetworkId: string;
  seedDemo: boolean;
  bootstrapAdmins: string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Keys anonymous votes (HMAC of poll and person); must stay the same for the life of the data file. */
  voteSecret: string;
  /** Where download links point; by default the address Flokk listens on. */
  publicUrl?: string;
  pollCheckSeconds: number;
  /** Entra ID tenants each network admits; networks not named keep the tenants in the data file. */
  networkTenants: Record<string, string[]>;
  /** Rotating snapshots of the data file in `<data dir>/backups`: how many, at most how often; keep 0 turns them off. */
  backups?: { keep: number; everyMinutes: number };
  credentials?: Credentials;
  /** The OpenID metadata that leads to the keys inbound Bot Framework tokens are signed with; the Bot Framework's own when unset. */
  openIdMetadataUrl?: string;
  version: string;
}

/** Local development only: anonymous polls there protect nothing real. */
const LOCAL_VOTE_SECRET = 'flokk-local-development-only';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Where signing keys come from must be https; only a stand-in on this machine (tests) may use http. */
function httpsOrLoopback(url: string): boolean {
  if (!URL.canParse(url)) return true; // z.url() has refused it already
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || LOOPBACK.has(hostname.replace(/^\[|\]$/g, ''));
}

const blank = (v: string | undefined): string | undefined => (v && v.trim().length > 0 ? v.trim() : undefined);

export function loadConfig(env: Record<string, string | undefined>, version = '0.0.0', cwd = process.cwd()): Config {
  // A blank variable (`PORT=` in an env file) means unset; otherwise PORT="" coerces to 0, a random port.
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).map(([k, v]) => [k, blank(v) === undefined ? undefined : v])));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    // The value itself is never echoed: it may be a secret, and error messages end up in logs.
    throw new ConfigError(`Invalid ${name}: ${issue.message}`);
  }
  const e = parsed.data;
  const appId = blank(e.MicrosoftAppId);
  const credentials = appId ? credentialsFor(appId, e) : undefined;
  const development = e.NODE_ENV === 'development';
  if (!credentials && !development) {
    throw new ConfigError(
      'Refusing to start without Bot Framework credentials: set MicrosoftAppId (and MicrosoftAppPassword, or ' +
        'MicrosoftAppType=UserAssignedMSI), or set NODE_ENV=development for local, anonymous development.',
    );
  }
  const localMode = !credentials;
  if (!localMode && !e.FLOKK_VOTE_SECRET) {
    throw new ConfigError('Invalid FLOKK_VOTE_SECRET: required outside local development (at least 16 random characters, kept for the life of the data file)');
  }
  // Local mode accepts anonymous traffic, so it only ever listens on this machine.
  if (localMode && e.HOST !== undefined && !LOOPBACK.has(e.HOST)) {
    throw new ConfigError('Invalid HOST: local development mode (no Bot Framework credentials) listens on loopback only (127.0.0.1, ::1 or localhost)');
  }
  return {
    localMode,
    port: e.PORT,
    host: e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    dataFile: path.resolve(cwd, e.FLOKK_DATA_FILE),
    databaseUrl: e.FLOKK_DATABASE_URL,
    defaultLocale: e.FLOKK_DEFAULT_LOCALE,
    defaultNetworkId: e.FLOKK_DEFAULT_NETWORK,
    seedDemo: e.FLOKK_SEED_DEMO ? e.FLOKK_SEED_DEMO === 'true' : localMode,
    bootstrapAdmins: e.FLOKK_BOOTSTRAP_ADMINS,
    logLevel: e.FLOKK_LOG_LEVEL,
    voteSecret: e.FLOKK_VOTE_SECRET ?? LOCAL_VOTE_SECRET,
    publicUrl: e.FLOKK_PUBLIC_URL?.replace(/\/+$/, ''),
    pollCheckSeconds: e.FLOKK_POLL_CHECK_SECONDS,
    networkTenants: e.FLOKK_NETWORK_TENANTS ?? {},
    backups: { keep: e.FLOKK_BACKUPS, everyMinutes: e.FLOKK_BACKUP_MINUTES },
    credentials,
    openIdMetadataUrl: e.FLOKK_OPENID_METADATA_URL,
    version,
  };
}

function credentialsFor(appId: string, e: z.infer<typeof Env>): Credentials {
  const password = blank(e.MicrosoftAppPassword);
  const tenantId = blank(e.MicrosoftAppTenantId);
  if (e.MicrosoftAppType !== 'UserAssignedMSI' && !password) {
    throw new ConfigError(`Invalid MicrosoftAppPassword: required when MicrosoftAppType is ${e.MicrosoftAppType}`);
  }
  if (e.MicrosoftAppType !== 'MultiTenant' && !tenantId) {
    throw new ConfigError(`Invalid MicrosoftAppTenantId: required when MicrosoftAppType is ${e.MicrosoftAppType}`);
  }
  return { appId, appPassword: password, appType: e.MicrosoftAppType, tenantId };
}
