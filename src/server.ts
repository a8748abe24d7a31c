import restify, { type Request, type Response } from 'restify';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { FlokkApp } from './app';
import type { AddressInfo } from 'node:net';
import type { Credentials } from './config';
import type { Logger } from './log';
import type { PortfolioStore } from './store/portfolio-store';
import type { Exports } from './teams/exports';
import { admitted } from './teams/adapter/teams-ai';
import { guardAgainstReposts } from './teams/adapter/no-ambiguous-repost';

/** Larger than any Teams activity Flokk needs; beyond it restify answers 413 before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * The Bot Framework adapter. With credentials it validates every inbound JWT as the Bot
 * Framework does; without them (local development only) it accepts anonymous traffic.
 */
export function createAdapter(credentials: Credentials | undefined): TeamsAdapter {
  if (!credentials) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId,
  });
}

export interface ServerDeps {
  flokk: FlokkApp;
  app: Application<TurnState>;
  adapter: TeamsAdapter;
  store: PortfolioStore;
  exports: Exports;
  log: Logger;
  version: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'flokk', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!looksLikeActivity(req.body)) {
      res.send(400, { error: 'not an activity' });
      return;
    }
    await deps.adapter.process(req, res, async (context) => {
      if (!(await admitted(deps.flokk, context))) return;
      guardAgainstReposts(context);
      await deps.app.run(context);
    });
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    const store = await deps.store.health();
    res.json(store.ok ? 200 : 503, { status: store.ok ? 'ok' : 'degraded', version: deps.version, store });
  });

  server.get('/exports/:token/:name', async (req: Request, res: Response) => {
    const file = deps.exports.get(String(req.params.token));
    if (!file) {
      res.send(404, { error: 'not found or expired' });
      return;
    }
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
    });
    res.end(file.body);
  });

  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, next: () => void) => {
    deps.log.warn('request refused', { path: req.path(), status: err.statusCode, error: err.name });
    next();
  });
  return server;
}

/**
 * NOTE: botbuilder throws (a 500 carrying its error message) on a body whose `type` or
 * `serviceUrl` is not a string, before its own 400 for a missing type; such a body is refused here.
 */
function looksLikeActivity(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { type, serviceUrl } = body as { type?: unknown; serviceUrl?: unknown };
  return typeof type === 'string' && type !== '' && (serviceUrl === undefined || typeof serviceUrl === 'string');
}

export function listen(server: restify.Server, port: number, host: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.server.address() as AddressInfo;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.server.closeIdleConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
