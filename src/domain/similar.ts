import MiniSearch from 'minisearch';
import type { Initiative, Portfolio, Project } from './schema';
import { fold } from './text';

/** "Who else is doing this": initiatives and projects like a new one, here and in networks that share with us. */
export type Similar = { kind: 'initiative'; item: Initiative } | { kind: 'project'; item: Project };

const COMMON = new Set(['felles', 'digital', 'digitalt', 'digitale', 'for', 'og', 'i', 'av', 'pa', 'til', 'med', 'kommune', 'kommunene', 'prosjekt', 'the', 'of', 'and']);

export function findSimilar(p: Portfolio, networkId: string, text: string, excludeId?: string, limit = 5): Similar[] {
  const network = p.networks.find((n) => n.id === networkId);
  const visible = new Set([networkId, ...(network?.sharesWith ?? [])]);
  const docs: Array<{ id: string; text: string; ref: Similar }> = [
    ...p.initiatives
      .filter((i) => visible.has(i.networkId) && i.id !== excludeId)
      .map((i) => ({ id: `i:${i.id}`, text: `${i.title} ${i.description} ${i.area} ${i.tags.join(' ')}`, ref: { kind: 'initiative' as const, item: i } })),
    ...p.projects
      .filter((x) => visible.has(x.networkId) && x.id !== excludeId)
      .map((x) => ({ id: `p:${x.id}`, text: `${x.title} ${x.summary} ${x.area}`, ref: { kind: 'project' as const, item: x } })),
  ];
  const mini = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    processTerm: (term) => {
      const t = fold(term);
      return t.length < 3 || COMMON.has(t) ? null : t;
    },
  });
  mini.addAll(docs.map(({ id, text: t }) => ({ id, text: t })));
  const byId = new Map(docs.map((d) => [d.id, d.ref]));
  return mini
    .search(text, { fuzzy: 0.2, prefix: true, combineWith: 'OR' })
    .slice(0, limit)
    .map((h) => byId.get(h.id)!);
}
