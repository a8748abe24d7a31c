import { existsSync } from 'node:fs';
import path from 'node:path';
import { emptyPortfolio } from '../src/domain/schema';
import { LowdbStore } from '../src/store/lowdb-store';

/**
 * `npm run init [-- --file data/flokk.json]`: creates an empty data file, the explicit first step
 * outside local development (where Flokk refuses to start on a missing file rather than quietly
 * serve an empty portfolio from a wrong path). An existing file is never touched.
 */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--file');
  const file = path.resolve(at > -1 ? process.argv[at + 1] ?? '' : process.env.FLOKK_DATA_FILE || 'data/flokk.json');
  if (existsSync(file)) {
    process.stderr.write(`${file} exists already; nothing was changed.\n`);
    process.exit(1);
  }
  const store = await LowdbStore.open(file, { seed: emptyPortfolio });
  await store.close();
  process.stdout.write(`created ${file} with an empty portfolio\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
