import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { DEMO_FILE } from '../src/flokk';
import { playgroundConfigYaml, playgroundUsers, startLocaleProxy, startPlayground, stopChild, waitForHttp, type PersonLike } from './agents-playground';

/**
 * `npm run playground`: Flokk in local mode (as `npm start`) with Microsoft 365 Agents Playground
 * in front of it, a browser chat that stands in for Teams. Ctrl-C stops both.
 *
 *   npm run playground                          # you are the demo secretariat, Flokk answers in bokmål
 *   npm run playground -- --as "Ola Demodal"    # act as another person of the network
 *   npm run playground -- --locale nn-NO        # the client language Flokk sees (nb-NO, nn-NO, en-US)
 *   npm run playground -- --port 56151          # the playground's port (default 56150)
 */
const USAGE = 'usage: npm run playground -- [--as <name or aadObjectId>] [--locale nb-NO|nn-NO|en-US] [--port <n>]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { as: { type: 'string' }, locale: { type: 'string', default: 'nb-NO' }, port: { type: 'string', default: '56150' }, help: { type: 'boolean' } },
  });
  if (values.help) return void console.log(USAGE);
  const playgroundPort = Number(values.port);
  if (!Number.isInteger(playgroundPort) || playgroundPort < 1 || playgroundPort > 65535) throw new UsageError(`--port must be a port number\n${USAGE}`);

  // The same environment `npm start` gives Flokk: local development unless NODE_ENV says otherwise.
  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' };
  const config = loadConfig(env);
  if (config.port === 0) throw new UsageError('PORT=0 cannot be used with the playground: it must know where Flokk listens.');
  const flokkHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const flokkUrl = `http://${flokkHost.includes(':') ? `[${flokkHost}]` : flokkHost}:${config.port}`;

  if (await answers(`${flokkUrl}/healthz`)) throw new UsageError(`something already listens on ${flokkUrl}: stop it (another npm start?) or set PORT`);

  const work = mkdtempSync(path.join(os.tmpdir(), 'flokk-playground-'));
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(work, { recursive: true, force: true })];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const flokk = spawn(process.execPath, [path.join(__dirname, '..', 'dist', 'index.js')], { env, stdio: 'inherit' });
    const flokkExited = new Promise<number | string | null>((resolve) => flokk.once('exit', (code, signal) => resolve(code ?? signal)));
    cleanups.push(() => stopChild(flokk, flokkExited, 10_000));
    await waitForHttp(`${flokkUrl}/healthz`, 60_000, () => flokk.exitCode === null).catch((error: unknown) => {
      throw flokk.exitCode === null ? error : new UsageError(`Flokk exited (${flokk.exitCode}) before it listened; its own message is above.`);
    });

    const users = playgroundUsers(peopleOf(config.dataFile), config.defaultNetworkId, values.as);
    const configFile = path.join(work, '.m365agentsplayground.yml');
    writeFileSync(configFile, playgroundConfigYaml(users, networkName(config.dataFile, config.defaultNetworkId)));
    const proxy = await startLocaleProxy(`${flokkUrl}/api/messages`, values.locale!);
    cleanups.push(() => proxy.close());
    const playground = await startPlayground({ endpoint: proxy.url, configFile, logFile: path.join(work, 'playground.log'), port: playgroundPort });
    cleanups.push(() => playground.stop());

    console.log(
      [
        '',
        `  Microsoft 365 Agents Playground: ${playground.url}`,
        `  You are ${users.current.name} (aadObjectId ${users.current.aadObjectId}); Flokk sees the client locale ${values.locale}.`,
        `  Flokk: ${flokkUrl}/api/messages (data file ${config.dataFile})`,
        '  Try «hjelp», «hvem eier felles sak-/arkivsystem?» or «foreslå prosjekt Felles KI-plattform». Ctrl-C stops both.',
        '',
      ].join('\n'),
    );

    let stopping = false;
    const stop = async (reason: string, code: number) => {
      if (stopping) return;
      stopping = true;
      console.log(`stopping the playground and Flokk (${reason})`);
      await cleanUp();
      process.exit(code);
    };
    process.on('SIGINT', () => void stop('SIGINT', 0));
    process.on('SIGTERM', () => void stop('SIGTERM', 0));
    void flokkExited.then((code) => stop(`Flokk exited: ${code}`, 1));
    void playground.exited.then((code) => stop(`the playground exited: ${code}\n${playground.output()}`, 1));
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/** People from the data file Flokk just opened, or from the demo portfolio if it has none. */
function peopleOf(dataFile: string): PersonLike[] {
  for (const file of [dataFile, DEMO_FILE]) {
    if (!existsSync(file)) continue;
    const people = (JSON.parse(readFileSync(file, 'utf8')) as { people?: PersonLike[] }).people ?? [];
    if (people.length > 0) return people;
  }
  return [];
}

function networkName(dataFile: string, networkId: string): string {
  const networks = existsSync(dataFile) ? ((JSON.parse(readFileSync(dataFile, 'utf8')) as { networks?: Array<{ id: string; name: string }> }).networks ?? []) : [];
  return networks.find((n) => n.id === networkId)?.name ?? 'Flokk';
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof UsageError;
  process.stderr.write(`playground did not start: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
