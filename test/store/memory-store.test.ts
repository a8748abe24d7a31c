import { DomainError } from '../../src/domain/errors';
import type { Project } from '../../src/domain/schema';
import { MemoryStore } from '../../src/store/memory-store';
import { StoreClosedError, type PortfolioStore } from '../../src/store/portfolio-store';
import { aPortfolio, aProject, anOrganisation } from '../builders';

function addProject(store: PortfolioStore, project: Project): Promise<string> {
  return store.update((current) => ({
    next: { ...current, projects: [...current.projects, project] },
    result: project.id,
  }));
}

describe('MemoryStore', () => {
  it('starts from the given portfolio, or an empty one', () => {
    const seed = aPortfolio();
    expect(new MemoryStore(seed).read()).toBe(seed);
    expect(new MemoryStore().read().projects).toEqual([]);
  });

  it('keeps all of 500 concurrent updates, each exactly once', async () => {
    const store = new MemoryStore(aPortfolio());
    const projects = Array.from({ length: 500 }, (_, i) => aProject({ title: `Prosjekt ${i}` }));

    const results = await Promise.all(projects.map((p) => addProject(store, p)));

    expect(results).toEqual(projects.map((p) => p.id));
    const ids = store.read().projects.map((p) => p.id);
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
    expect([...ids].sort()).toEqual(projects.map((p) => p.id).sort());
  });

  it('applies each change to the state left by the one before, even within a tick', async () => {
    const store = new MemoryStore(aPortfolio({ organisations: [] }));
    const counts = await Promise.all(
      Array.from({ length: 50 }, () =>
        store.update((current) => {
          const next = { ...current, organisations: [...current.organisations, anOrganisation()] };
          return { next, result: next.organisations.length };
        }),
      ),
    );
    expect(counts).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('leaves the state unchanged and rejects when the change throws', async () => {
    const store = new MemoryStore(aPortfolio());
    await addProject(store, aProject());
    const before = store.read();
    const boom = new DomainError('INPUT.INVALID', { field: 'title' });

    await expect(
      store.update(() => {
        throw boom;
      }),
    ).rejects.toBe(boom);

    expect(store.read()).toBe(before);
    expect(store.read().projects).toHaveLength(1);
    expect(await store.health()).toEqual({ ok: true });
  });

  it('a throwing change among concurrent ones affects only itself', async () => {
    const store = new MemoryStore(aPortfolio());
    const good = [aProject(), aProject()];
    const outcomes = await Promise.allSettled([
      addProject(store, good[0]!),
      store.update(() => {
        throw new Error('nope');
      }),
      addProject(store, good[1]!),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.read().projects.map((p) => p.id)).toEqual(good.map((p) => p.id));
  });

  it('resolves a no-op change with its result and keeps the same state object', async () => {
    const store = new MemoryStore(aPortfolio());
    const before = store.read();
    await expect(store.update((current) => ({ next: current, result: 42 }))).resolves.toBe(42);
    expect(store.read()).toBe(before);
  });

  it('refuses changes after close but still reads', async () => {
    const store = new MemoryStore(aPortfolio());
    await addProject(store, aProject());
    await store.close();
    await expect(addProject(store, aProject())).rejects.toBeInstanceOf(StoreClosedError);
    expect(store.read().projects).toHaveLength(1);
  });
});
