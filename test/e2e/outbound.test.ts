import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../src/log';
import { message } from '../fixtures/activities';
import { startTestBot, type TestBot } from './harness';

/**
 * A connector that drops the connection after it has read a message: the message may have been
 * posted. Flokk must not post it again; a refused connection or a 429 is still retried.
 */
let received = 0;
let dropFirst = true;
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    received++;
    if (dropFirst && received === 1) {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"sent"}');
  });
});
let serviceUrl: string;
let bot: TestBot;
const logLines: string[] = [];
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  bot = await startTestBot({}, { log: createLogger('info', (l) => logLines.push(l)) });
});
afterAll(async () => {
  await bot.stop();
  server.closeAllConnections();
  server.close();
});

it('does not re-post a reply after an ambiguous failure, and logs it', async () => {
  received = 0;
  dropFirst = true;
  await bot.post(message('hjelp', { serviceUrl }));
  expect(received).toBe(1);
  expect(logLines.some((l) => l.includes('FLOKK_AMBIGUOUS_SEND'))).toBe(true);
});

it('still sends normally when nothing goes wrong', async () => {
  received = 0;
  dropFirst = false;
  const { status } = await bot.post(message('hjelp', { serviceUrl }));
  expect(status).toBe(200);
  expect(received).toBe(1);
});
