import { AuthenticationConstants } from 'botframework-connector';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { z } from 'zod/v4';
import type { Logger } from '../../log';

/**
 * Flokk's own check of the Bot Framework token on every inbound request, before botbuilder sees it:
 * the rules of botframework-connector's ChannelValidation (issuer, audience, signature, expiry with
 * 5 minutes' skew, the `serviceurl` claim, the key's channel endorsements), but with every fetch of
 * the OpenID metadata and its keys bounded in time, cached, and a failure remembered for a while,
 * so an unreachable or silent key host answers 401 quickly instead of a 500 or a hang.
 *
 * Only channel tokens (issuer https://api.botframework.com) pass: Teams sends nothing else, and the
 * Emulator's and skills' tokens, which botbuilder also accepts, are of no use to a Teams-only bot.
 *
 * Fetching and caching are written here, the JOSE work is jose's: its remote key set reads no OpenID
 * metadata and remembers no failure, so every request would ask an unreachable host again.
 */
export const BOT_FRAMEWORK_OPENID_METADATA_URL = AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
const ISSUER = AuthenticationConstants.ToBotFromChannelTokenIssuer;
/** The Bot Framework signs with RS256; botbuilder would also take RS384 and RS512. */
const ALGORITHMS = ['RS256'];
const CLOCK_SKEW_SECONDS = 5 * 60;
/** Far above any real token, far below restify's header limit: a longer one is not parsed. */
const MAX_TOKEN_LENGTH = 16 * 1024;

export interface BotAuthOptions {
  /** The bot's app id: the audience every token must name. */
  appId: string;
  metadataUrl?: string;
  log: Logger;
  /** For reading the metadata and the keys together. */
  timeoutMs?: number;
  /** Keys are read again after this long, as botbuilder does (24 h). */
  maxAgeMs?: number;
  /** After a failed read, requests are refused without trying again for this long. */
  failureCooldownMs?: number;
  /** A token naming a key Flokk does not know may mean the keys rolled over: read them again, at most this often. */
  unknownKeyCooldownMs?: number;
}

export type BotAuthRefusal = 'no-token' | 'malformed-token' | 'invalid-token' | 'keys-unavailable';
export type BotAuthVerdict = { ok: true } | { ok: false; refusal: BotAuthRefusal };

/** What the token's claims are checked against: the activity it came with. */
export interface InboundActivity {
  serviceUrl?: unknown;
  channelId?: unknown;
}

const OpenIdMetadata = z.object({ jwks_uri: z.url({ protocol: /^https?$/ }) });
const BotFrameworkKeys = z.object({
  keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().optional(), endorsements: z.array(z.string()).optional() })),
});
type BotFrameworkKey = z.infer<typeof BotFrameworkKeys>['keys'][number];

interface KeySet {
  readAt: number;
  keys: BotFrameworkKey[];
  select: ReturnType<typeof createLocalJWKSet>;
}

export class BotTokenVerifier {
  private readonly metadataUrl: string;
  private readonly timeoutMs: number;
  private readonly maxAgeMs: number;
  private readonly failureCooldownMs: number;
  private readonly unknownKeyCooldownMs: number;
  private keySet: KeySet | undefined;
  private failedAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | undefined;

  constructor(private readonly options: BotAuthOptions) {
    this.metadataUrl = options.metadataUrl ?? BOT_FRAMEWORK_OPENID_METADATA_URL;
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.maxAgeMs = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
    this.failureCooldownMs = options.failureCooldownMs ?? 30_000;
    this.unknownKeyCooldownMs = options.unknownKeyCooldownMs ?? 5 * 60 * 1000;
  }

  async verify(authorization: string | undefined, activity: InboundActivity): Promise<BotAuthVerdict> {
    const token = bearerToken(authorization);
    if (!token) return refuse('no-token');
    let kid: string;
    try {
      const header = decodeProtectedHeader(token);
      // A token that cannot pass never costs a fetch.
      if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg) || typeof header.kid !== 'string') return refuse('invalid-token');
      if (decodeJwt(token).iss !== ISSUER) return refuse('invalid-token');
      kid = header.kid;
    } catch {
      return refuse('malformed-token');
    }
    const keySet = await this.keysFor(kid);
    if (!keySet) return refuse('keys-unavailable');
    try {
      const { payload } = await jwtVerify(token, keySet.select, {
        issuer: ISSUER,
        audience: this.options.appId,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp'],
      });
      // The token vouches for one connector endpoint; replies must not go anywhere else.
      if (typeof activity.serviceUrl !== 'string' || payload[AuthenticationConstants.ServiceUrlClaim] !== activity.serviceUrl) return refuse('invalid-token');
      if (!endorsed(keySet.keys.filter((k) => k.kid === kid), activity.channelId)) return refuse('invalid-token');
      return { ok: true };
    } catch {
      return refuse('invalid-token');
    }
  }

  /** The current keys, read again when old, or when `kid` is new and they were not read lately; undefined if there are none to trust. */
  private async keysFor(kid: string): Promise<KeySet | undefined> {
    const now = Date.now();
    const current = this.usable(now);
    const worthReading = !current || (!current.keys.some((k) => k.kid === kid) && now - current.readAt >= this.unknownKeyCooldownMs);
    if (worthReading && now - this.failedAt >= this.failureCooldownMs) await this.read();
    return this.usable(Date.now());
  }

  private usable(now: number): KeySet | undefined {
    return this.keySet && now - this.keySet.readAt < this.maxAgeMs ? this.keySet : undefined;
  }

  /** One read at a time; every request that needs it waits for the same one. */
  private read(): Promise<void> {
    this.reading ??= readKeySet(this.metadataUrl, this.timeoutMs)
      .then(
        (keySet) => {
          this.keySet = keySet;
        },
        (error: unknown) => {
          this.failedAt = Date.now();
          this.options.log.error('could not read the Bot Framework signing keys; tokens that need them are refused until a later read succeeds', {
            metadataUrl: this.metadataUrl,
            error: describe(error),
            retryAfterMs: this.failureCooldownMs,
          });
        },
      )
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}

async function readKeySet(metadataUrl: string, timeoutMs: number): Promise<KeySet> {
  // One deadline for both documents: a request never waits longer than this for keys.
  const signal = AbortSignal.timeout(timeoutMs);
  const { jwks_uri } = OpenIdMetadata.parse(await getJson(metadataUrl, signal));
  const { keys } = BotFrameworkKeys.parse(await getJson(jwks_uri, signal));
  return { readAt: Date.now(), keys, select: createLocalJWKSet({ keys } as JSONWebKeySet) };
}

async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal, redirect: 'manual', headers: { accept: 'application/json' } });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization || authorization.length > MAX_TOKEN_LENGTH + 7) return undefined;
  const [scheme, token, ...rest] = authorization.split(' ');
  return scheme === 'Bearer' && token && rest.length === 0 ? token : undefined;
}

/** A key the Bot Framework endorsed for some channels only signs for those (botframework-connector's EndorsementsValidator, without its pass for a missing channel). */
function endorsed(keys: BotFrameworkKey[], channelId: unknown): boolean {
  return keys.every((k) => !k.endorsements?.length || (typeof channelId === 'string' && k.endorsements.includes(channelId)));
}

/** fetch's own errors say only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND) is in their cause. Not `instanceof`: under jest they come from another realm. */
function describe(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const why = cause?.code ?? cause?.message;
  return [message, why].filter((part) => typeof part === 'string').join(': ') || String(error);
}

const refuse = (refusal: BotAuthRefusal): BotAuthVerdict => ({ ok: false, refusal });
