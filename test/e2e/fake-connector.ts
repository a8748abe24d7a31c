import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for the Bot Framework connector on 127.0.0.1: it receives what the bot sends
 * to `serviceUrl` (replies, new messages, updates) and records it, answering as the connector does.
 */
export interface Received {
  method: string;
  path: string;
  conversationId: string;
  activity: Record<string, any>;
  /** The activity id the connector answered with: the id of the message sent, for a later update or a button pressed on it. */
  answeredId?: string;
}

export interface FakeConnector {
  serviceUrl: string;
  received: Received[];
  /** Everything sent since the last `take()`, and forget it. */
  take(): Received[];
  /** Answers the next requests with these statuses first (e.g. 429), then normally. */
  failNext(...responses: Failure[]): void;
  /** The same, only for requests with this method (e.g. 'POST', leaving card updates alone). */
  failNextOf(method: string, ...responses: Failure[]): void;
  /** The roster Teams gives for a conversation (GET …/pagedmembers), two members a page. */
  setMembers(conversationId: string, members: Array<{ id: string; name: string; aadObjectId?: string }>): void;
  close(): Promise<void>;
}

export interface Failure {
  status: number;
  headers?: Record<string, string>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const received: Received[] = [];
  const failures: Array<Failure & { method?: string }> = [];
  let taken = 0;
  let next = 1;
  const rosters = new Map<string, Array<{ id: string; name: string; aadObjectId?: string }>>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const index = failures.findIndex((f) => !f.method || f.method === req.method);
      const failure = index === -1 ? undefined : failures.splice(index, 1)[0];
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'fake connector failure' } }));
        return;
      }
      const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers(?:\?(.*))?$/.exec(req.url ?? '');
      if (paged && req.method === 'GET') {
        const all = rosters.get(decodeURIComponent(paged[1]!)) ?? [];
        const start = Number(new URLSearchParams(paged[2] ?? '').get('continuationToken') ?? 0);
        const end = start + 2;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ members: all.slice(start, end), ...(end < all.length ? { continuationToken: String(end) } : {}) }));
        return;
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?/.exec(req.url ?? '');
      const answeredId = `sent-${next++}`;
      if (m) {
        received.push({ method: req.method ?? '', path: req.url ?? '', conversationId: decodeURIComponent(m[1]!), activity: body ? JSON.parse(body) : {}, answeredId });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: answeredId }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    take: () => {
      const out = received.slice(taken);
      taken = received.length;
      return out;
    },
    failNext: (...r) => failures.push(...r),
    failNextOf: (method, ...r) => failures.push(...r.map((f) => ({ ...f, method }))),
    setMembers: (conversationId, members) => void rosters.set(conversationId, members),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
