import { startCluster } from './server';

/** Starts the cluster once for the whole run; tests reach it through FLOKK_TEST_PG_URL (workers inherit the environment). */
export default async function globalSetup(): Promise<void> {
  const cluster = await startCluster();
  process.env.FLOKK_TEST_PG_DIR = cluster.dir;
  process.env.FLOKK_TEST_PG_URL = cluster.url();
}
