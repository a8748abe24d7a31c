import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Bot Framework connector as the bots under test see it, on 127.0.0.1: it answers what they
 * send to `serviceUrl` (replies, card updates) as the real one does. Unlike the test suite's
 * connector (test/e2e/fake-connector.ts) it only counts and keeps the latest activity, so tens of
 * thousands of replies cost it no memory.
 */
export interface CountingConnector {
  serviceUrl: string;
  /** Requests received, by HTTP method (POST = new message or reply, PUT = card update). */
  counts(): Record<string, number>;
  /** The last activity posted (a reply), to check the bot answered what it should. */
  lastPosted(): Record<string, any> | undefined;
  close(): Promise<void>;
}

export async function startCountingConnector(): Promise<CountingConnector> {
  const counts: Record<string, number> = {};
  let last: string | undefined;
  let next = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = req.method ?? '';
      if (/^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
        counts[method] = (counts[method] ?? 0) + 1;
        if (method === 'POST') last = Buffer.concat(chunks).toString('utf8');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${next++}` }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    counts: () => ({ ...counts }),
    lastPosted: () => (last ? (JSON.parse(last) as Record<string, any>) : undefined),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
