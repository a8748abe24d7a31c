import { normaliseText } from '../../domain/text';

/**
 * A chat message as a question, before the route table's phrases see it: without emoji, a typed
 * «@Flokk», greetings and politeness around the question («hei! kan du si meg …, takk»), and
 * with nynorsk question words and everyday synonyms in one bokmål form («kven eig» → «hvem
 * eier», «har ansvaret for» → «eier», «er med i» → «deltar i»), so each phrase is written once.
 * Only words that carry the question are rewritten, never names. Every expression is a fixed
 * alternation anchored at a word boundary, so the cost is linear in the length.
 */
const L = '\\p{L}\\p{N}';
const word = (alternatives: string) => new RegExp(`(?<![${L}])(?:${alternatives})(?![${L}])`, 'giu');

const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3]/gu;
const SMILEY = /(?<![\p{L}\p{N}])(?:[:;=]-?[)(DPp]|\^\^|<3)(?![\p{L}\p{N}])/gu;
const TYPED_MENTION = /(?<![\p{L}\p{N}])@flokk(?![\p{L}\p{N}])[,:]?/giu;

/** Said before the question and not part of it. */
const OPENERS = word(
  [
    '(?:hei|hallo|heisann|hei hei|halla|hey|hi|hello|god morgen|god dag|good morning|morn)(?: flokk| there| der| alle| everyone)?[,!.]?',
    'flokk[,!:]',
    'kan du(?: vennligst| please)?(?: si| fortelle| sjekke| finne ut)?(?: meg| oss)?(?: om)?',
    'kunne du(?: si| fortelle)?(?: meg)?',
    'vær (?:så )?snill (?:og )?(?:si|fortell)?(?: meg)?',
    'vet du|veit du|veist du|do you know',
    '(?:jeg|eg) lurer på|lurer på|(?:jeg|eg) lurte på|i wonder|i was wondering',
    '(?:jeg|eg) (?:vil|ville|skulle|kunne) (?:gjerne )?(?:vite|visst|ha|få)(?: vite)?',
    'i(?:\'d| would) like to know|i want to know|tell me|fortell meg|si meg',
    'could you(?: please)?(?: tell me)?|can you(?: please)?(?: tell me)?|please(?: tell me)?',
    'kort sagt|bare lurer',
  ].join('|'),
);
const CLOSERS = word('(?:tusen |mange |ok |okei )?takk(?: skal du ha| for hjelpen)?|på forhånd takk|thanks(?: in advance)?|thank you|please|vennligst|er du snill|vær så snill|pls|plz');

const START = new RegExp(`^(?:${OPENERS.source})[\\s,!.:]*`, 'iu');
const END = new RegExp(`[\\s,!.:]*(?:${CLOSERS.source})[\\s!.]*$`, 'iu');

/** Nynorsk and synonyms → the one form the phrases use. Longer alternatives first. */
const CANONICAL: Array<[RegExp, string]> = [
  // English contractions, so each phrase is written with the full form only.
  [word("who's|who’s"), 'who is'],
  [word("where's|where’s"), 'where is'],
  [word("what's|what’s"), 'what is'],
  [word("how's|how’s"), 'how is'],
  [word('kva for (?:nokre |nokon |eit |ein )?|kva slags |hva slags |hva for (?:noen |et |en )?'), 'hvilke '],
  [word('kven'), 'hvem'],
  [word('kva'), 'hva'],
  [word('korleis'), 'hvordan'],
  [word('kor|kvar'), 'hvor'],
  [word('kva tid|når tid'), 'når'],
  [word('eg'), 'jeg'],
  [word('spørje|spørja'), 'spørre'],
  [word('ikkje'), 'ikke'],
  [word('eigentleg'), 'egentlig'],
  [word('enno|endå'), 'ennå'],
  // «hvem er det som leder …», «kven er det som eig …»: the words around the question word carry nothing.
  [word('hvem er det som|hvem som'), 'hvem'],
  [word('hva er det som'), 'hva'],
  [word('how is it going with|how are things going with|how\'s it going with|how are things with'), 'how is it going with'],
  [word('er (?:det )?som (?:eier|eig)'), 'eier'],
  [word('har (?:hoved)?ansvar(?:et)? for|har (?:hoved)?ansvaret for|er ansvarl[ie]g for|står bak|har eierskap(?:et)? til|eig|er eier (?:av|for|til)|er eigar (?:av|for|til)'), 'eier'],
  [word('er (?:prosjekt)?leder (?:for|av|i|på)|er (?:prosjekt)?leiar (?:for|av|i|på)|er prosjektleder|leier|leiar'), 'leder'],
  [word('leidd av|leia av'), 'ledet av'],
  [word('eigd av'), 'eid av'],
  [word('er med i|er med på|tek del i|tar del i|er involvert i|deltek i|deltek'), 'deltar i'],
  [word('held på med|holder på med|jobbar med|jobber med|arbeider med|arbeidar med|driv med|driver med'), 'driver med'],
  [word('sit'), 'sitter'],
  [word('prosjekta'), 'prosjektene'],
  [word('vedteke|vedteken|vedtekne'), 'vedtatt'],
  [word('prosjekteigar(?:en)?'), 'prosjekteier'],
  [word('eigaren'), 'eieren'],
  [word('kome|komme|kommen'), 'kommet'],
  [word('røyste|røysta|røyst'), 'stemme'],
];

/** Removes what is not the question, and rewrites its words into the phrases' forms. */
export function cleanQuestion(text: string): string {
  let s = text.replace(EMOJI, ' ').replace(SMILEY, ' ').replace(TYPED_MENTION, ' ').replace(/\s+/g, ' ').trim();
  s = stripEnds(s);
  for (const [pattern, replacement] of CANONICAL) s = s.replace(pattern, replacement);
  return s.replace(/\s+/g, ' ').trim();
}

/** Openers at the start and closers at the end, repeatedly («hei flokk, kan du si meg …»), while something is left. */
function stripEnds(text: string): string {
  let s = text;
  for (let i = 0; i < 4; i += 1) {
    const before = s;
    const a = s.replace(START, '');
    if (a.trim().length > 0) s = a;
    const b = trimEnd(s, '?!.,: ').replace(END, '');
    if (b.trim().length > 0) s = b;
    s = trimEnd(s.trim(), '?!.,: ');
    if (s === before) break;
  }
  return s;
}

function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/**
 * Teams puts `<at>Flokk</at>` in channel messages; the words around it are the command, normalised
 * (see `normaliseText`). The caller has checked the length (MAX_COMMAND_LENGTH, parse.ts) first, and every
 * expression here is linear: a tag is `<` up to the next `<` or `>`, never a scan past another `<`.
 */
export function stripMentions(text: string): string {
  return normaliseText(text)
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^<>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
