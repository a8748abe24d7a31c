import restify, { type Request, type Response } from 'restify';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { FlokkApp } from './app';
import type { AddressInfo } from 'node:net';
import type { Credentials } from './config';
import type { Logger } from './log';
import type { PortfolioStore } from './store/portfolio-store';
import type { Exports } from './teams/exports';
import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import { admitted } from './teams/adapter/teams-ai';
import { guardAgainstReposts } from './teams/adapter/no-ambiguous-repost';
import { BOT_FRAMEWORK_OPENID_METADATA_URL, type BotTokenVerifier } from './teams/adapter/bot-auth';

/** Larger than any Teams activity Flokk needs; beyond it restify answers 413 before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

/** How long botbuilder's own token validation may take, once Flokk's verifier has accepted the token. */
export const BOTBUILDER_AUTH_BUDGET_MS = 5000;

const UNAUTHORIZED = { error: 'unauthorized' };

/**
 * The Bot Framework adapter. With credentials it validates every inbound JWT as the Bot
 * Framework does (after Flokk's own BotTokenVerifier); without them (local development only) it
 * accepts anonymous traffic. Its OpenID metadata is read from `openIdMetadataUrl`, as the verifier's.
 */
export function createAdapter(credentials: Credentials | undefined, openIdMetadataUrl = BOT_FRAMEWORK_OPENID_METADATA_URL): TeamsAdapter {
  if (!credentials) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId,
    // NOTE: naming one endpoint makes botbuilder take all of them from here (BotFrameworkAuthenticationFactory),
    // so each is the public cloud's, exactly as botbuilder's default, bar the metadata URL.
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  });
}

export interface ServerDeps {
  flokk: FlokkApp;
  app: Application<TurnState>;
  adapter: TeamsAdapter;
  /** With credentials, the check of every inbound token before botbuilder's; undefined in local development. */
  botAuth: BotTokenVerifier | undefined;
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
    if (deps.botAuth) {
      const verdict = await deps.botAuth.verify(req.header('authorization') || undefined, req.body);
      if (!verdict.ok) {
        deps.log.warn('request refused: no valid Bot Framework token', { refusal: verdict.refusal });
        res.send(401, UNAUTHORIZED);
        return;
      }
    }
    await processTurn(deps, req, res);
  });

  // NOTE: Microsoft 365 Agents Playground probes the endpoint with HEAD /api/messages (wait-on) each time its
  // chat connects, and goes on whatever the answer; an empty 200 says the endpoint is here, without a turn.
  server.head('/api/messages', async (_req: Request, res: Response) => {
    res.send(200);
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
    deps.log.warn('request refused', { method: req.method, path: req.path(), status: err.statusCode, error: err.name });
    next();
  });
  return server;
}

/**
 * Runs botbuilder on the request, but answers for it: botbuilder's own token validation fetches
 * the OpenID metadata without a time limit and answers a failure with a 500 carrying its error
 * message. What botbuilder answers is held until it is done. Before the turn has started, its
 * refusal or failure (401, 5xx, a throw) becomes a plain 401, and so does taking longer than
 * BOTBUILDER_AUTH_BUDGET_MS (the turn then never runs, even if botbuilder accepts later). Once the
 * turn runs, its answer goes out as botbuilder gives it, a 5xx without its message.
 */
async function processTurn(deps: ServerDeps, req: Request, res: Response): Promise<void> {
  let stage: 'authenticating' | 'turn' | 'answered' = 'authenticating';
  const answer = (status: number, body: unknown) => {
    if (stage === 'answered') return;
    stage = 'answered';
    if (body === undefined) res.send(status);
    else res.send(status, body);
  };
  const refuse = (why: string) => {
    deps.log.warn('request refused by botbuilder', { why });
    answer(401, UNAUTHORIZED);
  };
  const budget = setTimeout(() => stage === 'authenticating' && refuse('token validation took too long'), BOTBUILDER_AUTH_BUDGET_MS);
  const held = { status: 200, body: undefined as unknown };
  const holding = {
    status: (code: number) => void (held.status = code),
    send: (body: unknown) => void (held.body = body),
    header: (name: string, value: string) => stage !== 'answered' && res.header(name, value),
    end: () => undefined,
  };
  try {
    await deps.adapter.process(req, holding as unknown as Response, async (context) => {
      if (stage !== 'authenticating') {
        deps.log.warn('botbuilder accepted the token after Flokk had answered 401; the turn does not run');
        return;
      }
      stage = 'turn';
      clearTimeout(budget);
      if (!(await admitted(deps.flokk, context))) return;
      guardAgainstReposts(context);
      await deps.app.run(context);
    });
    if (stage === 'authenticating' && (held.status === 401 || held.status >= 500)) refuse(`botbuilder answered ${held.status}`);
    else if (held.status >= 500) answer(held.status, { error: 'internal error' });
    else answer(held.status, held.body);
  } catch (error) {
    if (stage === 'authenticating') refuse(`botbuilder threw ${error instanceof Error ? error.name : typeof error}`);
    else answer(500, { error: 'internal error' });
  } finally {
    clearTimeout(budget);
  }
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
