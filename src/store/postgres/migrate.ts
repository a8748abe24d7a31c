import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';

/** The SQL files beside this module (or, from dist/, in the source tree the build does not copy them from). */
function migrationsDir(): string {
  const here = path.join(__dirname, 'migrations');
  return existsSync(here) ? here : path.resolve(__dirname, '../../../src/store/postgres/migrations');
}

/**
 * Applies the migrations not yet applied, in name order, each in its own transaction; an advisory
 * lock keeps two instances starting at once from applying the same one twice.
 */
export async function migrateDatabase(pool: Pool): Promise<string[]> {
  const dir = migrationsDir();
  const files = readdirSync(dir).filter((n) => n.endsWith('.sql')).sort();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(74201400)');
    await client.query('CREATE TABLE IF NOT EXISTS flokk_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM flokk_migration')).rows.map((r) => r.name));
    for (const name of files) {
      if (done.has(name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(path.join(dir, name), 'utf8'));
        await client.query('INSERT INTO flokk_migration (name) VALUES ($1)', [name]);
        await client.query('COMMIT');
        applied.push(name);
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(74201400)').catch(() => undefined);
    client.release();
  }
  return applied;
}
