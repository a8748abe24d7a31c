import { PostgresStore } from '../../src/store/postgres/postgres-store';
import { portfolioStoreContract } from './contract';
import { freshDatabase } from './postgres/database';

let url = '';
portfolioStoreContract({
  name: 'PostgresStore',
  durable: true,
  fresh: async () => void (url = await freshDatabase()),
  open: (seed) => PostgresStore.open(url, { seed }),
});
