import { organisationsOf } from '../portfolio-queries';
import type { Horizon, Organisation, Person, Portfolio, ProjectStatus } from '../schema';
import { foldKey } from '../text';
import { wordMatches } from './fuzzy';
import { ALL_WORDS, AREA_ALIASES, FILLER, HORIZON_WORDS, NAME_ALIASES, NEGATIONS, OWNER_CUES, PARTICIPANT_CUES, STATUS_WORDS } from './vocabulary';

/**
 * What a question about a set of projects names, read against the network's own portfolio:
 * «Steinkjers prosjekter innen oppvekst som er vedtatt» → owner-or-participant Steinkjer, area
 * oppvekstadministrasjon, status approved. Words it could not place are returned, so the answer
 * can say which part it did not use instead of silently dropping it.
 */
export type OrganisationRole = 'owner' | 'participant' | 'involved';

export interface ListQuestion {
  statuses: ProjectStatus[];
  areas: string[];
  horizon?: Horizon;
  organisations: Array<{ organisation: Organisation; role: OrganisationRole }>;
  leads: Person[];
  years: number[];
  /** The question asked for every project, the closed and turned-down included («alle prosjekter»). */
  all: boolean;
  /** The page of the answer asked for («… side 2», «… page 2»): how a list question is paged. */
  page: number;
  /** Words that name something this could not find, as typed (folded). */
  unused: string[];
}

export interface ListContext {
  portfolio: Portfolio;
  networkId: string;
  areas: readonly string[];
  /** Status labels of the catalogues, folded, in addition to the fixed vocabulary. */
  statusLabels?: ReadonlyArray<readonly [string, ProjectStatus]>;
}

type Phrase<T> = { words: string[]; value: T };

export function readListQuestion(ctx: ListContext, text: string): ListQuestion {
  const tokens = withAliases(tokenise(text));
  const used = tokens.map(() => false);
  // «ikke startet»: the negated status is read, so it is not reported, but it filters nothing.
  const negated = toPhrases(STATUS_WORDS).map(({ words, value }) => ({ words: ['*', ...words], value }));
  takeNegated(tokens, used, negated);
  const q: ListQuestion = { statuses: [], areas: [], organisations: [], leads: [], years: [], all: false, page: readPage(tokens, used), unused: [] };

  const statusPhrases = toPhrases([...STATUS_WORDS, ...(ctx.statusLabels ?? [])]);
  for (const s of take(tokens, used, statusPhrases, false)) if (!q.statuses.includes(s)) q.statuses.push(s);
  for (const h of take(tokens, used, toPhrases(HORIZON_WORDS), false)) q.horizon = h;

  for (const areas of take(tokens, used, areaPhrases(ctx.areas), true)) for (const a of areas) if (!q.areas.includes(a)) q.areas.push(a);

  const orgs = take(tokens, used, organisationPhrases(organisationsOf(ctx.portfolio, ctx.networkId)), true);
  const role = roleOf(tokens);
  for (const o of orgs) if (!q.organisations.some((x) => x.organisation.id === o.id)) q.organisations.push({ organisation: o, role });

  const people = ctx.portfolio.people.filter((x) => x.networkId === ctx.networkId);
  for (const person of take(tokens, used, personPhrases(people), true)) if (!q.leads.includes(person)) q.leads.push(person);

  tokens.forEach((t, i) => {
    if (used[i]) return;
    if (/^20\d\d$/.test(t)) q.years.push(Number(t));
    else if (ALL_WORDS.has(t)) q.all = true;
    else if (!FILLER.has(t) && t.length > 1) q.unused.push(t);
  });
  return q;
}

const PAGE_WORDS = new Set(['side', 'sida', 'sia', 'page', 'p']);

/** «side 2», «page 3»: the page asked for, its words marked as read; 1 when none is named. */
function readPage(tokens: readonly string[], used: boolean[]): number {
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    if (!PAGE_WORDS.has(tokens[i]!) || !/^\d{1,4}$/.test(tokens[i + 1]!)) continue;
    used[i] = true;
    used[i + 1] = true;
    return Math.max(1, Number(tokens[i + 1]));
  }
  return 1;
}

/** Folded words; a compound with «prosjekt» in it («velferdsteknologiprosjektet») is its stem and the word. */
export function tokenise(text: string): string[] {
  return foldKey(text)
    .split(' ')
    .filter(Boolean)
    .flatMap((t) => {
      const m = /^(\p{L}{4,}?)-?(prosjekt\p{L}*|project\p{L}*)$/u.exec(t);
      return m ? [m[1]!, m[2]!] : [t];
    });
}

/** English names for title and organisation words replaced by the words themselves («county council» → «fylkeskommune»). */
export function withAliases(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = NAME_ALIASES.find(([name]) => name.split(' ').every((w, j) => tokens[i + j] === w));
    if (hit) {
      out.push(...hit[1].split(' '));
      i += hit[0].split(' ').length;
    } else out.push(tokens[i++]!);
  }
  return out;
}

function takeNegated(tokens: string[], used: boolean[], phrases: Array<Phrase<unknown>>): void {
  for (let i = 0; i < tokens.length; i += 1) {
    if (!NEGATIONS.has(tokens[i]!)) continue;
    // «ikke startet», «ikke er startet», «not yet approved»: up to two small words between.
    for (let gap = 0; gap <= 2; gap += 1) {
      const at = i + 1 + gap;
      if (gap > 0 && !FILLER.has(tokens[at - 1]!)) break;
      const hit = phrases.find(({ words }) => words.slice(1).every((w, j) => tokens[at + j] === w));
      if (!hit) continue;
      for (let j = i; j < at + hit.words.length - 1; j += 1) used[j] = true;
      break;
    }
  }
}

const toPhrases = <T>(pairs: ReadonlyArray<readonly [string, T]>): Array<Phrase<T>> =>
  pairs.map(([w, value]) => ({ words: foldKey(w).split(' '), value })).sort((a, b) => b.words.length - a.words.length);

/**
 * Marks and returns every phrase found among the unused tokens, longest first. With `loose`, a
 * word may carry an ending or a typo (see `wordMatches`); status and horizon words must be exact.
 */
function take<T>(tokens: string[], used: boolean[], phrases: Array<Phrase<T>>, loose: boolean): T[] {
  // Exact names first, so «Orland» is Ørland before a typo could make it Orkland.
  const found = takeOnce(tokens, used, phrases, false);
  return loose ? [...found, ...takeOnce(tokens, used, phrases, true)] : found;
}

function takeOnce<T>(tokens: string[], used: boolean[], phrases: Array<Phrase<T>>, loose: boolean): T[] {
  const found: T[] = [];
  for (const { words, value } of phrases) {
    for (let i = 0; i + words.length <= tokens.length; i += 1) {
      let ok = true;
      for (let j = 0; j < words.length && ok; j += 1) {
        const t = tokens[i + j]!;
        ok = !used[i + j] && (loose ? wordMatches(t, words[j]!) : t === words[j]);
      }
      if (!ok) continue;
      for (let j = 0; j < words.length; j += 1) used[i + j] = true;
      found.push(value);
    }
  }
  return found;
}

const GENERIC_AREA_WORDS = new Set(['felles', 'for', 'og', 'system', 'fagsystem']);

/** The network's areas by their own names and words, and by the aliases whose stem is in a name. */
function areaPhrases(areas: readonly string[]): Array<Phrase<string[]>> {
  const keyed = areas.map((a) => ({ area: a, key: foldKey(a) }));
  const phrases: Array<Phrase<string[]>> = [];
  for (const { area, key } of keyed) {
    phrases.push({ words: key.split(' '), value: [area] });
    for (const w of key.split(' ')) if (w.length >= 5 && !GENERIC_AREA_WORDS.has(w)) phrases.push({ words: [w], value: keyed.filter((k) => k.key.split(' ').includes(w)).map((k) => k.area) });
  }
  for (const [name, stem] of AREA_ALIASES) {
    const matching = keyed.filter((k) => k.key.includes(stem)).map((k) => k.area);
    if (matching.length > 0) phrases.push({ words: foldKey(name).split(' '), value: matching });
  }
  return phrases.sort((a, b) => b.words.length - a.words.length || b.words.join(' ').length - a.words.join(' ').length);
}

function organisationPhrases(orgs: readonly Organisation[]): Array<Phrase<Organisation>> {
  const phrases: Array<Phrase<Organisation>> = orgs.map((o) => ({ words: foldKey(o.name).split(' '), value: o }));
  // A distinctive word of a longer name («fylkeskommunen», «statsforvalteren») names it when no other organisation has it.
  const byWord = new Map<string, Organisation[]>();
  for (const o of orgs) for (const w of foldKey(o.name).split(' ')) if (w.length >= 5) byWord.set(w, [...(byWord.get(w) ?? []), o]);
  for (const [w, os] of byWord) if (os.length === 1 && foldKey(os[0]!.name) !== w) phrases.push({ words: [w], value: os[0]! });
  return exactFirst(phrases);
}

function personPhrases(people: readonly Person[]): Array<Phrase<Person>> {
  const phrases: Array<Phrase<Person>> = people.map((x) => ({ words: foldKey(x.name).split(' '), value: x }));
  const byWord = new Map<string, Person[]>();
  for (const x of people) for (const w of foldKey(x.name).split(' ')) if (w.length >= 4) byWord.set(w, [...(byWord.get(w) ?? []), x]);
  for (const [w, xs] of byWord) if (xs.length === 1 && !FILLER.has(w)) phrases.push({ words: [w], value: xs[0]! });
  return exactFirst(phrases);
}

/** Longer names first, so «Indre Fosen» is taken before a one-word name could take «Fosen». */
const exactFirst = <T>(phrases: Array<Phrase<T>>): Array<Phrase<T>> => phrases.sort((a, b) => b.words.length - a.words.length || b.words[0]!.length - a.words[0]!.length);

function roleOf(tokens: readonly string[]): OrganisationRole {
  const owner = tokens.some((t) => OWNER_CUES.has(t));
  const participant = tokens.some((t) => PARTICIPANT_CUES.has(t));
  return owner && !participant ? 'owner' : participant && !owner ? 'participant' : 'involved';
}
