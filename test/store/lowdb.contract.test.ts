import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LowdbStore } from '../../src/store/lowdb-store';
import { portfolioStoreContract } from './contract';

let file = '';
portfolioStoreContract({
  name: 'LowdbStore (journal)',
  durable: true,
  fresh: async () => void (file = path.join(await mkdtemp(path.join(os.tmpdir(), 'flokk-contract-')), 'flokk.json')),
  open: (seed) => LowdbStore.open(file, { seed }),
});
