import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from './config';
import { setNetworkTenants } from './domain/networks';
import { createApp, type AppDeps } from './app';
import { PortfolioLookup } from './domain/lookup';
import { emptyPortfolio, Portfolio } from './domain/schema';
import type { Logger } from './log';
import { createAdapter, createServer, listen, type RunningServer } from './server';
import { LowdbStore, type StoreEvent } from './store/lowdb-store';
import { StoreLoadError, type PortfolioStore } from './store/portfolio-store';
import { Exports } from './teams/exports';
import { audited } from './teams/audit';
import { JsonlAuditLog, type AuditTrail } from './store/audit-log';
import { PostgresStore } from './store/postgres/postgres-store';
import { PostgresSharedState } from './store/postgres/postgres-shared';
import { soleLease } from './store/shared-state';
import { PollScheduler } from './teams/polls/poll-scheduler';
import { LeasedScheduler } from './teams/proactive/leased-scheduler';
import { RecentInvokes } from './teams/recent-invokes';
import type { InvokeAnswer } from './teams/perform';
import { createTeamsApplication } from './teams/adapter/teams-ai';
import { ProactiveOutbox } from './teams/adapter/outbox';
import { BotTokenVerifier } from './teams/adapter/bot-auth';
import type { Outbox } from './teams/effects';

export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const DEMO_FILE = path.join(PROJECT_ROOT, 'data', 'demo-portfolio.json');

export interface Flokk extends RunningServer {
  store: PortfolioStore;
  outbox: Outbox;
  scheduler: LeasedScheduler;
}

export interface StartOptions {
  log: Logger;
  clock?: () => Date;
  /** Wraps the store, e.g. to simulate a slow or failing disk in tests. */
  decorateStore?: (store: PortfolioStore) => PortfolioStore;
  invokeBudgetMs?: number;
}

const STORE_EVENTS: Record<StoreEvent, string> = {
  created: 'created an empty data file',
  migrated: 'migrated the data file',
  recovered: 'cleared what a stopped Flokk left beside the data file',
  'backed-up': 'backed up the data file',
  'backup-failed': 'could not write a backup of the data file',
  compacted: 'folded the journal into the data file',
  'compaction-failed': 'could not fold the journal into the data file; it is kept and replayed at the next start',
};

/** Teams abandons an invoke after about 5 s; answer well before that. */
export const INVOKE_BUDGET_MS = 3500;

/** Opens the store, builds the app and serves it: everything `index.ts` and the tests start. */
export async function startFlokk(config: Config, { log, clock = () => new Date(), decorateStore = (s) => s, invokeBudgetMs = INVOKE_BUDGET_MS }: StartOptions): Promise<Flokk> {
  // A wrong path must not quietly serve an empty portfolio: outside local development the data file is created explicitly.
  if (!config.databaseUrl && !config.localMode && !config.seedDemo && !existsSync(config.dataFile)) {
    throw new StoreLoadError(config.dataFile, 'it does not exist. Check FLOKK_DATA_FILE, or create an empty data file with `npm run init`');
  }
  const seed = () => (config.seedDemo ? demoPortfolio() : emptyPortfolio());
  const { store: opened, audit, shared, catchUp } = config.databaseUrl ? await openPostgres(config.databaseUrl, seed, log) : await openFile(config, seed, log);
  const durable = decorateStore(opened);

  if (Object.keys(config.networkTenants).length > 0) {
    try {
      await durable.update((p) => setNetworkTenants(p, config.networkTenants));
    } catch {
      await durable.close();
      await shared?.close();
      throw new ConfigError(`Invalid FLOKK_NETWORK_TENANTS: it names networks the data file does not have (${Object.keys(config.networkTenants).join(', ')})`);
    }
    log.info('tenants admitted per network', { networks: Object.keys(config.networkTenants) });
  }
  const store = audited(durable, clock);
  const adapter = createAdapter(config.credentials, config.openIdMetadataUrl);
  const botAuth = config.credentials && new BotTokenVerifier({ appId: config.credentials.appId, metadataUrl: config.openIdMetadataUrl, log });
  const outbox = new ProactiveOutbox(adapter, config.credentials?.appId ?? '', store, log);
  let publicUrl = config.publicUrl ?? '';
  const downloads = new Exports(() => publicUrl);
  if (shared) await downloads.shareThrough(shared.exports, (error) => log.warn('a download link could not be shared with the other instances', { error }));
  const deps: AppDeps = {
    store,
    lookup: new PortfolioLookup(),
    log,
    clock,
    newId: (prefix) => `${prefix}-${randomUUID()}`,
    outbox,
    exports: downloads,
    audit,
    invokeBudgetMs,
    config,
    recentInvokes: new RecentInvokes<InvokeAnswer>(10_000, shared?.invokes),
  };
  const flokk = createApp(deps);
  const app = createTeamsApplication(flokk, adapter, config.credentials?.appId ?? '');
  const server = createServer({ flokk, app, adapter, botAuth, store, log, exports: downloads, version: config.version });
  const running = await listen(server, config.port, config.host);
  publicUrl ||= running.url;
  if (config.localMode) {
    log.warn(`local development mode: no Bot Framework credentials, accepting anonymous traffic on ${running.url}/api/messages only`, {
      host: config.host,
    });
  } else {
    log.info('listening', { url: running.url, appType: config.credentials?.appType });
  }
  const scheduler = new LeasedScheduler(new PollScheduler(deps), shared?.lease() ?? soleLease, catchUp);
  await scheduler.tick();
  scheduler.start(config.pollCheckSeconds * 1000);
  return {
    ...running,
    store,
    outbox,
    scheduler,
    close: async () => {
      await running.close();
      await scheduler.stop();
      await outbox.idle();
      await store.close();
      await shared?.close();
    },
  };
}

/** The store, and with PostgreSQL what the instances share besides it. */
interface Opened {
  store: PortfolioStore;
  audit: AuditTrail;
  shared?: PostgresSharedState;
  /** Takes in what other instances wrote, before a scheduler pass. */
  catchUp?: () => Promise<void>;
}

async function openFile(config: Config, seed: () => Portfolio, log: Logger): Promise<Opened> {
  const audit = new JsonlAuditLog(auditFileFor(config.dataFile));
  const store = await LowdbStore.open(config.dataFile, {
    audit,
    seed,
    backups: config.backups,
    onEvent: (event, detail) => {
      if (event === 'created' && config.seedDemo) {
        const level = config.localMode ? 'info' : 'warn';
        log[level]('created the data file with the demo portfolio (example data)', detail);
      } else if (event === 'backup-failed' || event === 'compaction-failed') {
        log.warn(STORE_EVENTS[event], detail);
      } else {
        log[event === 'backed-up' ? 'debug' : 'info'](STORE_EVENTS[event], detail);
      }
    },
    onWriteError: (error, detail) =>
      log.error(`could not write the ${detail.part === 'audit' ? 'audit log' : 'data file'}; the changes were rolled back`, { code: error.code, ...detail }),
  });
  return { store, audit };
}

async function openPostgres(url: string, seed: () => Portfolio, log: Logger): Promise<Opened> {
  const store = await PostgresStore.open(url, {
    seed,
    onWriteError: (error, detail) => log.error('could not write to the database; the changes were rolled back', { code: error.code, ...detail }),
  });
  const shared = await PostgresSharedState.open(url).catch(async (e: unknown) => {
    await store.close();
    throw e;
  });
  return { store, audit: store.audit, shared, catchUp: () => store.catchUp() };
}

/** The audit log lives beside the data file: data/flokk.json → data/flokk.audit.jsonl. */
export const auditFileFor = (dataFile: string) => dataFile.replace(/\.json$/i, '') + '.audit.jsonl';

export function demoPortfolio(file = DEMO_FILE): Portfolio {
  return Portfolio.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
