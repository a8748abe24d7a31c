import { PostgresStore } from '../../src/store/postgres/postgres-store';
import { aPortfolio, aProject } from '../builders';
import { freshDatabase } from './postgres/database';

/** Two instances on one database, as two Flokk processes behind one bot would be. */
it('counts 200 changes sent alternately to two instances exactly once, with no lost update to one project, and each sees the other within 1 s', async () => {
  const url = await freshDatabase();
  const project = aProject({ title: 'Felles', participantOrganisationIds: [] });
  const a = await PostgresStore.open(url, { seed: () => aPortfolio({ projects: [project] }), pollMs: 200 });
  const b = await PostgresStore.open(url, { pollMs: 200 });
  // Each "vote" appends an organisation to the same project: a read-modify-write that a stale instance would lose.
  const vote = (store: PostgresStore, n: number) =>
    store.update((p) => ({ next: { ...p, projects: p.projects.map((x) => (x.id === project.id ? { ...x, participantOrganisationIds: [...x.participantOrganisationIds, `org-v${n}`] } : x)) }, result: n }));
  await Promise.all(Array.from({ length: 200 }, (_, n) => vote(n % 2 === 0 ? a : b, n)));
  const deadline = Date.now() + 1000;
  const tags = (s: PostgresStore) => s.read().projects.find((x) => x.id === project.id)!.participantOrganisationIds;
  while ((tags(a).length < 200 || tags(b).length < 200) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const s of [a, b]) {
    expect(tags(s)).toHaveLength(200);
    expect(new Set(tags(s)).size).toBe(200);
  }
  // A change on one is visible on the other within 1 s.
  const added = aProject({ title: 'Fra A' });
  await a.update((p) => ({ next: { ...p, projects: [...p.projects, added] }, result: undefined }));
  const seenBy = Date.now() + 1000;
  while (!b.read().projects.some((x) => x.id === added.id) && Date.now() < seenBy) await new Promise((r) => setTimeout(r, 10));
  expect(b.read().projects.some((x) => x.id === added.id)).toBe(true);
  await Promise.all([a.close(), b.close()]);
  // And what is in the database says the same.
  const c = await PostgresStore.open(url);
  expect(tags(c)).toHaveLength(200);
  await c.close();
});
