import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import { createApp } from './app';
import { PortfolioLookup } from './domain/lookup';
import { emptyPortfolio, Portfolio } from './domain/schema';
import type { Logger } from './log';
import { createAdapter, createServer, listen, type RunningServer } from './server';
import { LowdbStore } from './store/lowdb-store';
import type { PortfolioStore } from './store/portfolio-store';
import { ProactiveAnnouncer, type Announcer } from './teams/proactive/announcer';

export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const DEMO_FILE = path.join(PROJECT_ROOT, 'data', 'demo-portfolio.json');

export interface Flokk extends RunningServer {
  store: PortfolioStore;
  announcer: Announcer;
}

export interface StartOptions {
  log: Logger;
  clock?: () => Date;
}

/** Opens the store, builds the app and serves it: everything `index.ts` and the tests start. */
export async function startFlokk(config: Config, { log, clock = () => new Date() }: StartOptions): Promise<Flokk> {
  const store = await LowdbStore.open(config.dataFile, {
    seed: () => (config.seedDemo ? demoPortfolio() : emptyPortfolio()),
    onEvent: (event, detail) => {
      if (event === 'created' && config.seedDemo) {
        const level = config.localMode ? 'info' : 'warn';
        log[level]('created the data file with the demo portfolio (example data)', detail);
      } else {
        log.info(event === 'created' ? 'created an empty data file' : 'migrated the data file', detail);
      }
    },
  });
  const adapter = createAdapter(config.credentials);
  const announcer = new ProactiveAnnouncer(adapter, config.credentials?.appId ?? '', store, log);
  const newId = (prefix: string) => `${prefix}-${randomUUID()}`;
  const app = createApp({ store, lookup: new PortfolioLookup(), log, clock, newId, announcer, config }, adapter);
  const server = createServer({ app, adapter, store, log, version: config.version });
  const running = await listen(server, config.port, config.host);
  if (config.localMode) {
    log.warn(`local development mode: no Bot Framework credentials, accepting anonymous traffic on ${running.url}/api/messages only`, {
      host: config.host,
    });
  } else {
    log.info('listening', { url: running.url, appType: config.credentials?.appType });
  }
  return {
    ...running,
    store,
    announcer,
    close: async () => {
      await running.close();
      await announcer.idle();
      await store.close();
    },
  };
}

export function demoPortfolio(file = DEMO_FILE): Portfolio {
  return Portfolio.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
