import * as config from '../src/config';

/**
 * Loaded into a Flokk bot child before it starts (`--require`, as bench/experiments are), by
 * bench/postgres.bench.ts only: the child reads its configuration from an environment of its own
 * (bench/lib/bot-child.ts), and this adds FLOKK_DATABASE_URL to it from FLOKK_BENCH_DATABASE_URL,
 * so that Flokk opens the PostgreSQL store through `loadConfig` and `startFlokk` as production does.
 */
const original = config.loadConfig;
(config as { loadConfig: typeof config.loadConfig }).loadConfig = (env, ...rest) =>
  original({ ...env, FLOKK_DATABASE_URL: process.env.FLOKK_BENCH_DATABASE_URL }, ...rest);
