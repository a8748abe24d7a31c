import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A new, empty database on the test cluster; its URL. Never skips: without the cluster, the test fails. */
export async function freshDatabase(): Promise<string> {
  const admin = process.env.FLOKK_TEST_PG_URL;
  if (!admin) throw new Error('FLOKK_TEST_PG_URL is not set: the jest globalSetup (test/store/postgres/global-setup.ts) starts the cluster');
  const name = `flokk_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return admin.replace('/postgres?', `/${name}?`);
}
