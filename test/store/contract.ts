import type { Portfolio, Project } from '../../src/domain/schema';
import { StoreClosedError, type PortfolioStore } from '../../src/store/portfolio-store';
import { aPortfolio, aProject } from '../builders';

/**
 * The PortfolioStore contract, run against every store (memory, lowdb, PostgreSQL).
 * `open` opens the store on the same place each time it is called within a test (a reopen sees
 * what was durable), on a fresh place for each test; `durable` says whether a reopen keeps the data.
 */
export interface ContractSubject {
  name: string;
  open: (seed: () => Portfolio) => Promise<PortfolioStore>;
  fresh: () => Promise<void>;
  durable: boolean;
}

const add = (store: PortfolioStore, project: Project) =>
  store.update((current) => ({ next: { ...current, projects: [...current.projects, project] }, result: project.id }));

export function portfolioStoreContract(subject: ContractSubject): void {
  describe(`PortfolioStore contract: ${subject.name}`, () => {
    beforeEach(() => subject.fresh());

    it('applies a change at once, and resolves with its result', async () => {
      const store = await subject.open(aPortfolio);
      const project = aProject({ title: 'Straks' });
      const pending = add(store, project);
      expect(store.read().projects.map((p) => p.id)).toEqual([project.id]);
      await expect(pending).resolves.toBe(project.id);
      await store.close();
    });

    it('keeps all of 200 concurrent changes, each once, across a reopen', async () => {
      const store = await subject.open(aPortfolio);
      const projects = Array.from({ length: 200 }, (_, i) => aProject({ title: `P${i}` }));
      await Promise.all(projects.map((p) => add(store, p)));
      expect(store.read().projects).toHaveLength(200);
      await store.close();
      if (!subject.durable) return;
      const again = await subject.open(aPortfolio);
      expect(new Set(again.read().projects.map((p) => p.id))).toEqual(new Set(projects.map((p) => p.id)));
      await again.close();
    });

    it('changes nothing when the change throws, and rejects with its error', async () => {
      const store = await subject.open(aPortfolio);
      const before = store.read();
      const boom = new Error('no');
      await expect(store.update(() => { throw boom; })).rejects.toBe(boom);
      expect(store.read()).toBe(before);
      await store.close();
    });

    it('resolves a change that changes nothing with its result', async () => {
      const store = await subject.open(aPortfolio);
      await expect(store.update((p) => ({ next: p, result: 'same' }))).resolves.toBe('same');
      await store.close();
    });

    it('resolves flush once every accepted change is durable, and refuses changes after close', async () => {
      const store = await subject.open(aPortfolio);
      void add(store, aProject());
      await store.flush();
      expect(await store.health()).toEqual({ ok: true });
      await store.close();
      await expect(add(store, aProject())).rejects.toBeInstanceOf(StoreClosedError);
    });
  });
}
