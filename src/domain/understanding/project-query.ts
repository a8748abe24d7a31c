import { wordMatches } from './fuzzy';
import { tokenise, withAliases } from './list-question';
import { AREA_ALIASES, FILLER, NYNORSK_PARTS } from './vocabulary';

/**
 * The ways a project may be named in a question, most literal first: as typed; without the
 * words that only carry the question, with compounds split («velferdsteknologiprosjektet») and
 * English area names in Norwegian («the archive system» → «arkivsystem»); then with definite
 * and genitive endings off («logganalysen» → «logganalyse»); last, nynorsk forms in bokmål
 * («heimetenesta» → «hjemmetjenesten»). The lookup tries them in order.
 */
export function projectQueryVariants(query: string): string[] {
  // «prosjektet», «forslaget», «the proposal» say what kind of thing is named, not which.
  const tokens = withAliases(tokenise(query).filter((t) => !/^(?:prosjekt|project|forslag|proposal)/.test(t)));
  const translated = translate(tokens).filter((t) => !FILLER.has(t));
  const stripped = translated.map(stripEnding);
  const bokmal = translated.map(toBokmal);
  const variants = [query, translated.join(' '), stripped.join(' '), stripped.flatMap(splitCompound).join(' '), bokmal.join(' '), bokmal.map(stripEnding).join(' ')];
  return [...new Set(variants.map((v) => v.trim()).filter((v) => v.length > 0))];
}

function translate(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = AREA_ALIASES.find(([name]) => {
      const words = name.split(' ');
      return words.length > 1 && words.every((w, j) => tokens[i + j] !== undefined && wordMatches(tokens[i + j]!, w));
    });
    if (hit) {
      out.push(hit[1].replace(/ /g, ''));
      i += hit[0].split(' ').length;
    } else {
      const single = ENGLISH.has(tokens[i]!) ? AREA_ALIASES.find(([name]) => name === tokens[i]) : undefined;
      out.push(single ? single[1] : tokens[i]!);
      i += 1;
    }
  }
  return out;
}

/** English single words only are translated; a Norwegian alias («depot», «kart») may be a word of a title. */
const ENGLISH = new Set(
  'archive archives archiving records security infosec cybersecurity health ehealth planning building zoning maps competence training skills education schools school kindergartens childhood'.split(' '),
);

/**
 * A folded word with its nynorsk parts in their bokmål forms (NYNORSK_PARTS), and the nynorsk
 * definite ending «-a» as bokmål «-en» («depotløysinga» → «depotløsningen» needs both).
 */
export function toBokmal(token: string): string {
  let t = token;
  for (const [nn, nb] of NYNORSK_PARTS) if (t.includes(nn)) t = t.replace(nn, nb);
  if (t.length >= 6 && /[^aeiouy]a$/.test(t)) t = `${t.slice(0, -1)}en`;
  return t;
}

function stripEnding(token: string): string {
  if (token.length < 6) return token;
  const m = /^(.{4,}?)(ene|ets|ens|et|en|a|s)$/u.exec(token);
  return m ? m[1]! : token;
}

/** Title words a compound often ends in: «oppvekstsystemet» is «oppvekst … system». */
const COMPOUND_TAILS = /^(\p{L}{4,}?)s?(system\p{L}*|losning\p{L}*|arbeid\p{L}*|program\p{L}*|analyse\p{L}*|register\p{L}*|plattform\p{L}*|tjeneste\p{L}*|handtering\p{L}*|oppfolging\p{L}*)$/u;

function splitCompound(token: string): string[] {
  const m = COMPOUND_TAILS.exec(token);
  return m ? [m[1]!, stripEnding(m[2]!)] : [token];
}
