import { ConfigError, loadConfig } from './config';
import { packageVersion, startFlokk } from './flokk';
import { createLogger } from './log';
import { StoreLoadError } from './store/portfolio-store';

/** Composition root: configuration → store → app → server, and a clean stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, packageVersion());
  const log = createLogger(config.logLevel);
  const starting = startFlokk(config, { log });
  let stopping = false;
  // Registered before start-up finishes, so a signal during start-up still stops cleanly.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    const flokk = await starting;
    await flokk.close();
    log.info('stopped: every change is on disk');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await starting;
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StoreLoadError;
  process.stderr.write(`Flokk did not start: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
