import MiniSearch from 'minisearch';
import type { Initiative, Portfolio, Project } from './schema';
import { fold } from './text';

/** "Who else is doing this": initiatives and projects like a new one, here and in networks that share with us. */
export type Similar = { kind: 'initiative'; item: Initiative } | { kind: 'project'; item: Project };

const COMMON = new Set(['felles', 'digital', 'digitalt', 'digitale', 'for', 'og', 'i', 'av', 'pa', 'til', 'med', 'kommune', 'kommunene', 'prosjekt', 'the', 'of', 'and']);

/** Settled as not going ahead: never offered as "similar" unless the caller asks for them. */
const CLOSED: ReadonlySet<string> = new Set(['rejected', 'withdrawn', 'archived']);
/**
 * A hit counts as similar only when it shares at least two distinct terms with the text and its
 * score is at least this share of the best hit's: one common word (an area, "journal") listed
 * five unrelated items before.
 */
const MIN_SHARED_TERMS = 2;
const MIN_RELATIVE_SCORE = 0.35;

export function findSimilar(p: Portfolio, networkId: string, text: string, excludeId?: string, limit = 5, o: { includeClosed?: boolean } = {}): Similar[] {
  const network = p.networks.find((n) => n.id === networkId);
  const visible = new Set([networkId, ...(network?.sharesWith ?? [])]);
  const docs: Array<{ id: string; text: string; ref: Similar }> = [
    ...p.initiatives
      .filter((i) => visible.has(i.networkId) && i.id !== excludeId && (o.includeClosed || !CLOSED.has(i.status)))
      .map((i) => ({ id: `i:${i.id}`, text: `${i.title} ${i.description} ${i.area} ${i.tags.join(' ')}`, ref: { kind: 'initiative' as const, item: i } })),
    ...p.projects
      .filter((x) => visible.has(x.networkId) && x.id !== excludeId && (o.includeClosed || !CLOSED.has(x.status)))
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
  const hits = mini.search(text, { fuzzy: 0.2, prefix: true, combineWith: 'OR' });
  const best = hits[0]?.score ?? 0;
  return hits
    .filter((h) => new Set(h.terms).size >= MIN_SHARED_TERMS && h.score >= best * MIN_RELATIVE_SCORE)
    .slice(0, limit)
    .map((h) => byId.get(h.id)!);
}
