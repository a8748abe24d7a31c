import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { VERB } from '../../src/cards/actions';
import { auditFileFor } from '../../src/flokk';
import { createLogger } from '../../src/log';
import { execute, NILS, TENANT_ID } from '../fixtures/activities';
import { startTestBot, type TestBot } from './harness';

/**
 * The Bot Framework token on /api/messages, through HTTP, with the OpenID metadata host played
 * on 127.0.0.1: unreachable, silent, or a real one serving a key made here.
 */
const APP_ID = '5f0c3a4e-1111-4222-8333-944444444444';
const ISSUER = 'https://api.botframework.com';
const INITIATIVE = 'i-felles-kommunal-journal';
const UNAUTHORIZED = { error: 'unauthorized' };

async function startBot(openIdMetadataUrl: string, logLines: string[] = []): Promise<TestBot> {
  return startTestBot(
    {
      localMode: false,
      seedDemo: true,
      credentials: { appId: APP_ID, appPassword: 'not-a-real-secret', appType: 'MultiTenant' },
      networkTenants: { digitrondelag: [TENANT_ID] },
      openIdMetadataUrl,
    },
    { log: createLogger('debug', (line) => logLines.push(line)) },
  );
}

/** A button press that writes (an interest mark) if it gets through. */
const pressInterest = (bot: TestBot, authorization?: string, o: { serviceUrl?: string } = {}) =>
  bot.post(
    execute(VERB.initiativeInterest, { initiativeId: INITIATIVE }, { serviceUrl: o.serviceUrl ?? bot.connector.serviceUrl, from: NILS }),
    authorization === undefined ? {} : { authorization },
  );

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Well-formed, with the right issuer, audience and expiry, but signed by nobody: it can only fail at the keys. */
const unsignedToken = (serviceUrl: string) =>
  `${b64({ alg: 'RS256', kid: 'some-key', typ: 'JWT' })}.${b64({ iss: ISSUER, aud: APP_ID, serviceurl: serviceUrl, exp: Math.floor(Date.now() / 1000) + 3600 })}.c2lnbmF0dXJl`;

/** What the data file and the audit log hold: unchanged means nothing was written. */
async function written(bot: TestBot): Promise<string> {
  await bot.flokk.store.flush();
  const audit = await readFile(auditFileFor(bot.config.dataFile), 'utf8').catch(() => '');
  return `${await readFile(bot.config.dataFile, 'utf8')}\n${audit}`;
}

/** Nothing of how the request failed inside reaches the caller. */
function expectPlainRefusal(response: { status: number; body: unknown }) {
  expect(response).toEqual({ status: 401, body: UNAUTHORIZED });
}

describe('the OpenID metadata host is unreachable', () => {
  let bot: TestBot;
  const logLines: string[] = [];
  beforeAll(async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    bot = await startBot(`http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`, logLines);
  });
  afterAll(() => bot.stop());

  it('answers 401, not a 500, with no internal message, and writes and sends nothing', async () => {
    bot.connector.take();
    const before = await written(bot);
    const token = unsignedToken(bot.connector.serviceUrl);
    expectPlainRefusal(await pressInterest(bot, `Bearer ${token}`));
    // Again, now from the remembered failure.
    expectPlainRefusal(await pressInterest(bot, `Bearer ${token}`));
    expect(await written(bot)).toEqual(before);
    expect(bot.connector.take()).toEqual([]);
    // The operator, not the caller, learns why; the token itself is never logged.
    expect(logLines.some((l) => l.includes('could not read the Bot Framework signing keys') && l.includes('ECONNREFUSED'))).toBe(true);
    expect(logLines.some((l) => l.includes('"refusal":"keys-unavailable"'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(token);
  });
});

describe('the OpenID metadata host accepts connections and never answers', () => {
  let bot: TestBot;
  let silent: net.Server;
  const sockets: net.Socket[] = [];
  beforeAll(async () => {
    silent = net.createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    bot = await startBot(`http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`);
  });
  afterAll(async () => {
    await bot.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it(
    'answers 401 to every request, which all finish, and a storm of them does not each ask the silent host',
    async () => {
      const before = await written(bot);
      const token = unsignedToken(bot.connector.serviceUrl);
      const storm = await Promise.all(Array.from({ length: 20 }, () => pressInterest(bot, `Bearer ${token}`)));
      for (const response of storm) expectPlainRefusal(response);
      // Later ones are refused from the remembered failure, without asking again.
      for (let i = 0; i < 3; i++) expectPlainRefusal(await pressInterest(bot, `Bearer ${token}`));
      expect(sockets.length).toBeGreaterThanOrEqual(1);
      expect(sockets.length).toBeLessThanOrEqual(2);
      expect(await written(bot)).toEqual(before);
    },
    60_000,
  );
});

describe('a reachable OpenID metadata host with a key made here', () => {
  const KID = 'flokk-test-key';
  const WEBCHAT_KID = 'webchat-only-key';
  let bot: TestBot;
  const logLines: string[] = [];
  let host: http.Server;
  let privateKey: CryptoKey;
  let webchatKey: CryptoKey;
  let strangerKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    const webchat = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    webchatKey = webchat.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const keys = [
      { ...(await exportJWK(pair.publicKey)), kid: KID, use: 'sig', endorsements: ['msteams'] },
      { ...(await exportJWK(webchat.publicKey)), kid: WEBCHAT_KID, use: 'sig', endorsements: ['webchat'] },
    ];
    host = http.createServer((req, res) => {
      const { port } = host.address() as AddressInfo;
      const documents: Record<string, unknown> = {
        '/v1/.well-known/openidconfiguration': { issuer: ISSUER, jwks_uri: `http://127.0.0.1:${port}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] },
        '/v1/.well-known/keys': { keys },
      };
      const document = documents[req.url ?? ''];
      res.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(document ?? {}));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const { port } = host.address() as AddressInfo;
    bot = await startBot(`http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`, logLines);
  });
  afterAll(async () => {
    await bot.stop();
    host.closeAllConnections();
    await new Promise<void>((resolve) => host.close(() => resolve()));
  });

  interface TokenOptions {
    key?: CryptoKey;
    kid?: string;
    audience?: string;
    issuer?: string;
    serviceUrl?: string;
    /** Seconds since the epoch. */
    expires?: number;
  }
  const token = (o: TokenOptions = {}) =>
    new SignJWT({ serviceurl: o.serviceUrl ?? bot.connector.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? KID, typ: 'JWT' })
      .setIssuer(o.issuer ?? ISSUER)
      .setAudience(o.audience ?? APP_ID)
      .setNotBefore(Math.floor(Date.now() / 1000) - 60)
      .setExpirationTime(o.expires ?? Math.floor(Date.now() / 1000) + 3600)
      .sign(o.key ?? privateKey);

  it('refuses every token that is not the Bot Framework\'s for this bot and this activity: 401, nothing written or sent', async () => {
    bot.connector.take();
    const before = await written(bot);
    const now = Math.floor(Date.now() / 1000);
    const valid = await token();
    const [header, payload] = valid.split('.');
    const cases: Record<string, { authorization?: string; serviceUrl?: string }> = {
      'no Authorization header': {},
      'another scheme': { authorization: `Basic ${valid}` },
      'not a JWT': { authorization: 'Bearer forged.token.value' },
      'alg none': { authorization: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.` },
      'alg none, with the real kid': { authorization: `Bearer ${b64({ alg: 'none', kid: KID })}.${payload}.` },
      'HS256 with the public key as secret': { authorization: `Bearer ${b64({ alg: 'HS256', kid: KID })}.${payload}.c2ln` },
      'the signature removed': { authorization: `Bearer ${header}.${payload}.` },
      'wrong audience': { authorization: `Bearer ${await token({ audience: '00000000-1111-4222-8333-944444444444' })}` },
      'wrong issuer': { authorization: `Bearer ${await token({ issuer: 'https://sts.windows.net/some-tenant/' })}` },
      'expired beyond the 5 minutes of clock skew': { authorization: `Bearer ${await token({ expires: now - 10 * 60 })}` },
      'signed by another key under the known kid': { authorization: `Bearer ${await token({ key: strangerKey })}` },
      'signed by an unknown key': { authorization: `Bearer ${await token({ key: strangerKey, kid: 'unknown-key' })}` },
      'a key endorsed only for another channel': { authorization: `Bearer ${await token({ key: webchatKey, kid: WEBCHAT_KID })}` },
      'a serviceUrl other than the one the token names': { authorization: `Bearer ${valid}`, serviceUrl: 'http://127.0.0.1:9/' },
    };
    const answers: Record<string, unknown> = {};
    for (const [name, c] of Object.entries(cases)) answers[name] = await pressInterest(bot, c.authorization, { serviceUrl: c.serviceUrl });
    expect(answers).toEqual(Object.fromEntries(Object.keys(cases).map((name) => [name, { status: 401, body: UNAUTHORIZED }])));
    // Flokk's verifier refused each one itself, before botbuilder (which would refuse them too).
    expect(logLines.filter((l) => l.includes('no valid Bot Framework token')).length).toBe(Object.keys(cases).length);
    expect(await written(bot)).toEqual(before);
    expect(bot.connector.take()).toEqual([]);
  });

  it('accepts a correctly signed token for this bot: 200, and the turn runs and writes', async () => {
    const before = await written(bot);
    const response = await pressInterest(bot, `Bearer ${await token()}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const initiative = bot.flokk.store.read().initiatives.find((i) => i.id === INITIATIVE);
    expect(initiative?.interest).toContainEqual(expect.objectContaining({ personId: 'person-nils-demoberg', organisationId: 'kommune-5057' }));
    expect(await written(bot)).not.toEqual(before);
  });

  it('still accepts a token within the 5 minutes of clock skew after its expiry', async () => {
    const response = await pressInterest(bot, `Bearer ${await token({ expires: Math.floor(Date.now() / 1000) - 60 })}`);
    expect(response.status).toBe(200);
  });
});

/**
 * botbuilder validates the token again after Flokk's verifier (defence in depth), reading the
 * same metadata with its own fetch, which has no time limit and answers a failure with a 500 that
 * carries its error message. Here the host serves Flokk's verifier, then fails botbuilder.
 */
describe('botbuilder\'s own reading of the keys fails after Flokk accepted the token', () => {
  const KID = 'flokk-test-key';
  let privateKey: CryptoKey;
  let keys: object[];
  let host: http.Server;
  /** Requests held unanswered, with what they would have been answered. */
  const held: Array<{ res: http.ServerResponse; document: unknown }> = [];
  /** The first request for each document is answered; later ones (botbuilder's) are cut, held, or answered too. */
  let later: 'break' | 'hang' | 'serve' = 'break';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    keys = [{ ...(await exportJWK(pair.publicKey)), kid: KID, use: 'sig' }];
    const served = new Set<string>();
    host = http.createServer((req, res) => {
      const url = req.url ?? '';
      const { port } = host.address() as AddressInfo;
      const [, base] = /^(\/[^/]+)\//.exec(url) ?? [];
      const document = url.endsWith('/keys') ? { keys } : { issuer: ISSUER, jwks_uri: `http://127.0.0.1:${port}${base}/keys` };
      const first = !served.has(url);
      served.add(url);
      if (!first && later === 'break') return req.socket.destroy();
      if (!first && later === 'hang') return void held.push({ res, document });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(document));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const { res } of held) res.destroy();
    host.closeAllConnections();
    await new Promise<void>((resolve) => host.close(() => resolve()));
  });

  const token = (serviceUrl: string) =>
    new SignJWT({ serviceurl: serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(APP_ID)
      .setExpirationTime('1h')
      .sign(privateKey);

  /** Each bot reads its own path: botbuilder keeps its keys per metadata URL, for the whole process. */
  const startOn = (name: string, logLines?: string[]) =>
    startBot(`http://127.0.0.1:${(host.address() as AddressInfo).port}/${name}/openidconfiguration`, logLines);

  it('a broken connection: 401 with no internal message, not botbuilder\'s 500, and nothing written', async () => {
    later = 'break';
    const bot = await startOn('break');
    // NOTE: botbuilder's CloudAdapter writes every refused request to console.error itself.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const before = await written(bot);
      expectPlainRefusal(await pressInterest(bot, `Bearer ${await token(bot.connector.serviceUrl)}`));
      expect(await written(bot)).toEqual(before);
    } finally {
      quiet.mockRestore();
      await bot.stop();
    }
  });

  it(
    'a host that does not answer botbuilder: 401, the request finishes, and when botbuilder accepts after all, the turn does not run',
    async () => {
      later = 'hang';
      const logLines: string[] = [];
      const bot = await startOn('hang', logLines);
      try {
        const before = await written(bot);
        expectPlainRefusal(await pressInterest(bot, `Bearer ${await token(bot.connector.serviceUrl)}`));
        expect(held.length).toBe(1);
        // Now botbuilder gets its metadata and keys, and accepts the token: too late.
        later = 'serve';
        for (const { res, document } of held.splice(0)) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(document));
        }
        const tooLate = () => logLines.some((l) => l.includes('botbuilder accepted the token after Flokk had answered'));
        for (let i = 0; i < 400 && !tooLate(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
        expect(tooLate()).toBe(true);
        expect(await written(bot)).toEqual(before);
      } finally {
        await bot.stop();
      }
    },
    60_000,
  );
});
