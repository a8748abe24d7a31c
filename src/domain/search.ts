import MiniSearch from 'minisearch';
import { editDistance } from './understanding/fuzzy';
import { fold, foldKey } from './text';

/**
 * Forgiving name search over a small set of named things (projects, organisations):
 * folded æ/ø/å, any word order, word prefixes and small typos, via MiniSearch.
 */
export type Resolution<T> =
  | { kind: 'found'; item: T }
  | { kind: 'ambiguous'; candidates: T[] }
  | { kind: 'none'; suggestions: T[] };

export interface Searchable {
  id: string;
  /** The name that decides an exact match. */
  name: string;
  /** Other words worth matching (area, owner …), weighted lower. */
  extra?: string;
}

const STOP_WORDS = new Set(['for', 'og', 'i', 'pa', 'the', 'of', 'and', 'prosjekt', 'prosjektet', 'project', 'kommune', 'kommunen']);
const MAX_CANDIDATES = 5;
/** How far ahead the best hit must be before we stop asking "did you mean". */
const CLEAR_LEAD = 1.6;

export class NameIndex<T> {
  private readonly mini: MiniSearch<Searchable>;
  private readonly byId = new Map<string, T>();
  private readonly byKey = new Map<string, T[]>();

  constructor(items: readonly T[], toSearchable: (item: T) => Searchable) {
    this.mini = new MiniSearch<Searchable>({
      fields: ['name', 'extra'],
      storeFields: [],
      processTerm: (term) => {
        const t = fold(term);
        return STOP_WORDS.has(t) ? null : t;
      },
    });
    const docs = items.map((item) => {
      const doc = toSearchable(item);
      this.byId.set(doc.id, item);
      const key = foldKey(doc.name);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), item]);
      return doc;
    });
    this.mini.addAll(docs);
  }

  resolve(query: string): Resolution<T> {
    const key = foldKey(query);
    if (key.length === 0) return { kind: 'none', suggestions: [] };
    const exact = this.byKey.get(key);
    if (exact && exact.length === 1) return { kind: 'found', item: exact[0]! };
    if (exact && exact.length > 1) return { kind: 'ambiguous', candidates: exact.slice(0, MAX_CANDIDATES) };

    const hits = this.mini.search(query, { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { name: 3 } });
    if (hits.length === 1) return { kind: 'found', item: this.byId.get(hits[0]!.id)! };
    if (hits.length > 1) {
      if (hits[0]!.score >= CLEAR_LEAD * hits[1]!.score) return { kind: 'found', item: this.byId.get(hits[0]!.id)! };
      return { kind: 'ambiguous', candidates: hits.slice(0, MAX_CANDIDATES).map((h) => this.byId.get(h.id)!) };
    }
    return { kind: 'none', suggestions: this.suggest(query) };
  }

  /** Everything that matches the query at all, best first: for search boxes. */
  search(query: string, limit = 25): T[] {
    if (foldKey(query).length === 0) return [];
    return this.mini
      .search(query, { prefix: true, fuzzy: 0.2, combineWith: 'OR', boost: { name: 3 } })
      .slice(0, limit)
      .map((h) => this.byId.get(h.id)!);
  }

  /**
   * The closest names, only those that share a word with the query that is not a generic one
   * («system», «felles»): «the archive system» must not suggest «Felles oppvekstadministrativt system».
   */
  private suggest(query: string): T[] {
    const words = foldKey(query).split(' ').filter((w) => w.length >= 3 && !GENERIC.has(w) && !STOP_WORDS.has(w));
    return this.mini
      .search(query, { prefix: true, fuzzy: 0.34, combineWith: 'OR', boost: { name: 3 } })
      .filter((h) => h.terms.some((term) => !GENERIC.has(term) && words.some((w) => close(w, term))))
      .slice(0, 3)
      .map((h) => this.byId.get(h.id)!);
  }
}

/** Words too common in titles to make two names alike. */
const GENERIC = new Set(['felles', 'system', 'systemet', 'digital', 'digitalt', 'digitale', 'losning', 'the', 'and', 'med', 'til', 'alle', 'kommuner', 'nytt', 'ny', 'programme', 'program']);

/** A query word and a name's word are close: one begins the other (four letters at least), or a third of their letters apart at most. */
function close(word: string, term: string): boolean {
  if ((word.length >= 4 && term.startsWith(word)) || (term.length >= 4 && word.startsWith(term))) return true;
  const typos = Math.max(1, Math.ceil(Math.min(word.length, term.length) / 3));
  return editDistance(word, term, typos) <= typos;
}
