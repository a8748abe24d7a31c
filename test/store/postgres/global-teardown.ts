import { stopCluster } from './server';

export default async function globalTeardown(): Promise<void> {
  if (process.env.FLOKK_TEST_PG_DIR) stopCluster(process.env.FLOKK_TEST_PG_DIR);
}
