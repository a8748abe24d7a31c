import { phrase, type Phrase } from '../route';

/**
 * The everyday phrasings of each chat intent, in bokmål, nynorsk and English, over the text
 * `cleanQuestion` leaves (nynorsk question words and synonyms already in their bokmål form).
 * routes.ts lists them with the intent they belong to; this file only keeps the table short.
 * Each expression is anchored, and the text is at most MAX_COMMAND_LENGTH long, so a match is cheap.
 */
const q = (m: RegExpMatchArray) => ({ query: m.groups!.q!.trim() });
const whole = (m: RegExpMatchArray) => ({ filters: m[0]!.trim() });

const BODY =
  '(?:det |the )?(?:programstyret|programstyre|programstyrets|styret|styringsgruppa|styringsgruppen|styringsgruppe|porteføljestyret|ressursgruppa|ressursgruppen|ressursgruppe|faggruppa|faggruppen|programme board|program board|portfolio board|steering group|resource group|board)';
const STATUS_ASKED =
  'vedtatt|vedteke|godkjent|godkjend|i gang|igang|startet|starta|ferdig|avsluttet|avslutta|fullført|avvist|trukket|trekt|satt på vent|sett på vent|på vent|pauset|foreslått|til behandling|under behandling|behandlet|aktivt?|approved|started|in progress|active|completed|finished|done|rejected|withdrawn|paused|on hold|proposed|under consideration';

export const ASK = {
  help: [
    phrase(/^(?:hva|what)\s+(?:kan jeg spørre (?:deg )?om|kan jeg spør om|kan du svare på|kan du hjelpe (?:meg )?med|can i ask(?: you)?(?: about)?|can you (?:do|help (?:me )?with)|do you do|are you)$/i),
    phrase(/^hva\s+kan\s+du(?:\s+gjere|\s+gjøre)?$/i),
    phrase(/^(?:hvordan|how)\s+(?:bruker jeg deg|bruke deg|virker du|fungerer du|funker du|do i use (?:you|this|flokk)|does this work|do you work)$/i),
    phrase(/^(?:hjelpe meg(?: med noe)?|hjelpe|help me(?: please)?|i need help|jeg trenger hjelp|trenger hjelp|kommandoer|commands|meny|menu|hva er du|hvem er du|who are you|what are you)$/i),
  ],
  greeting: [
    phrase(/^(?:hei|hallo|heisann|hei hei|halla|hey|hi|hello|god morgen|god dag|god kveld|good morning|good afternoon|morn|morna)(?:\s+(?:flokk|der|alle|everyone|there|you))?$/i, () => ({ says: 'hello' })),
    phrase(
      /^(?:(?:tusen |mange |ok |okei )?takk(?: skal du ha| for hjelpen| for det| så mye)?|thanks?(?: a lot| so much| for the help)?|thank you(?: very much| so much)?|thx|ty|cheers|supert|flott|perfekt|great|nice|fint|bra|topp|kjempebra)(?:\s+flokk)?$/i,
      () => ({ says: 'thanks' }),
    ),
  ],
  bodyMembers: [
    phrase(new RegExp(`^(?:hvem|who)\\s+(?:er|are)\\s+(?:the\\s+)?(?:medlemmer|medlemmene|medlemar|medlemane|members)\\s+(?:i|av|of|in|på|on)\\s+(?<q>${BODY})$`, 'i'), q),
    // «hvem representerer KS i programstyret?»: the body's members, each with their organisation.
    phrase(new RegExp(`^(?:hvem|who)\\s+(?:representerer|representer|represents|speaks for)\\s+\\S.*?\\s+(?:i|på|on|in)\\s+(?<q>${BODY})$`, 'i'), q),
    phrase(new RegExp(`^(?:hvem|who)\\s+(?:sitter|er|is|are|sits|deltar|'s)\\s+(?:med\\s+)?(?:i|på|on|in|members? of)\\s+(?<q>${BODY})(?:\\s+(?:nå|no|now|i dag|today))?$`, 'i'), q),
    phrase(new RegExp(`^(?:hvem|who)\\s+(?:leder|leads|chairs|heads|is (?:the )?(?:leader|chair) of)\\s+(?<q>${BODY})$`, 'i'), q),
    phrase(new RegExp(`^(?:medlemmer|medlemmene|medlemar|medlemane|members|the members|who are the members)\\s+(?:i|av|of|in|på|on)\\s+(?<q>${BODY})$`, 'i'), q),
    phrase(new RegExp(`^(?:hvem|who)\\s+(?:er|is|are)\\s+(?:med\\s+)?(?:i|på|on)?\\s*(?<q>${BODY})$`, 'i'), q),
  ],
  whoOwns: [
    phrase(/^hvem\s+eier\s+(?:egentlig\s+|nå\s+)?(?<q>.+)$/i, q),
    phrase(/^(?:hvilken|hvilke|hva|which|what)\s+(?:kommune|organisasjon|organisation|organization|municipality|part)\w*\s+(?:eier|owns|is (?:the )?owner of|is responsible for|is behind|står for)\s+(?<q>.+)$/i, q),
    phrase(/^who\s+(?:is responsible for|is behind|is in charge of|is the (?:project )?owner (?:of|for)|is (?:the )?owner of)\s+(?<q>.+)$/i, q),
    phrase(/^(?:hvem|who)\s+(?:er|is)\s+(?:prosjekteier(?:en)?|eieren|eier|the owner|owner|project owner|the project owner)\s+(?:av|for|til|på|of|for|on)\s+(?<q>.+)$/i, q),
    phrase(/^(?:prosjekteier|eier|owner|project owner)\s+(?:av|for|til|på|of|for)\s+(?<q>.+)$/i, q),
    phrase(/^whose\s+(?:project\s+)?is\s+(?<q>.+)$/i, q),
    phrase(/^(?<q>.+?)\s*[,:–-]\s*(?:hvem eier (?:det|den|dette|prosjektet)|who owns (?:it|that|this))$/i, q),
  ],
  whoLeads: [
    phrase(/^hvem\s+(?:leder|styrer)\s+(?<q>.+)$/i, q),
    phrase(/^hvem\s+er\s+(?:prosjektleder(?:en)?|leder(?:en)?|kontaktperson(?:en)?|prosjektleiar(?:en)?)\s+(?:for|av|i|på|til)\s+(?<q>.+)$/i, q),
    phrase(/^who\s+(?:leads|is leading|manages|runs|heads|is running|is managing)\s+(?<q>.+)$/i, q),
    phrase(/^who(?:\s+is|'s)\s+(?:the\s+)?(?:project\s+)?(?:lead|leader|manager|contact(?: person)?)\s+(?:for|of|on|in)\s+(?<q>.+)$/i, q),
    phrase(/^(?:prosjektleder|project lead|project leader|project manager)\s+(?:for|av|i|på|of|for|on)\s+(?<q>.+)$/i, q),
    phrase(/^(?<q>.+?)\s+(?:ledes av hvem|is led by whom)$/i, q),
  ],
  projectStatus: [
    phrase(/^hvordan\s+(?:ligger|står)\s+(?<q>.+?)\s+an(?:\s+(?:nå|no|for tiden))?$/i, q),
    phrase(/^(?:går|gikk)\s+det\s+(?:bra|greit|fint|dårlig|dårleg|godt|bra eller dårlig)\s+(?:med|for)\s+(?<q>.+?)(?:\s+(?:nå|no|for tiden))?$/i, q),
    phrase(/^hvor\s+langt\s+(?:har|er)\s+(?:de|dei|dere|vi|man|en|prosjektet)\s+(?:kommet|nådd)\s+(?:med|i)\s+(?<q>.+)$/i, q),
    phrase(/^how\s+far\s+(?:along\s+)?(?:is|are|has|have)\s+(?<q>.+?)(?:\s+(?:come|got|gotten|progressed))?$/i, q),
    // «hvilken fase er barnevern i?», «what phase is the oppvekst project in?»: the status answer names the phase.
    phrase(/^(?:hvilken|hva|hva slags|which|what)\s+(?:fase|phase|stage)\s+(?:er|is|are|har|befinner)\s+(?<q>.+?)(?:\s+(?:seg\s+)?(?:i|in|at|på))?(?:\s+(?:nå|no|now))?$/i, q),
    phrase(/^where\s+(?:is|are)\s+(?<q>.+?)\s+(?:at|now|at the moment|today)$/i, q),
    phrase(new RegExp(`^(?:ble|blei|vart|was|has|have)\\s+(?<q>.+?)\\s+(?:been\\s+)?(?<s>${STATUS_ASKED})(?:\\s+(?:av|by)\\s+${BODY})?$`, 'i'), (m) => ({ query: m.groups!.q!.trim(), asked: m.groups!.s!.trim() })),
    phrase(/^hvordan\s+(?:går|gikk|ligger|står)\s+det\s+(?:egentlig\s+|an\s+|nå\s+)?(?:med|for|i)\s+(?<q>.+?)(?:\s+(?:nå|no|for tiden|egentlig))?$/i, q),
    phrase(/^hvor\s+(?:står|er)\s+(?:det med\s+|vi med\s+)?(?<q>.+?)(?:\s+(?:nå|no|for tiden|i dag))?$/i, q),
    phrase(/^hva\s+(?:er|blir)\s+status(?:en)?\s+(?:for|på|i|til|med|om)\s+(?<q>.+)$/i, q),
    phrase(/^hva\s+skjer\s+(?:med|i)\s+(?<q>.+)$/i, q),
    phrase(/^(?:hvilken|hva slags|hva|which|what)\s+status\s+har\s+(?<q>.+)$/i, q),
    phrase(new RegExp(`^er\\s+(?<q>.+?)\\s+(?:(?:blitt|ennå|allerede|helt|heilt|kommet|endelig|faktisk)\\s+)*(?<s>${STATUS_ASKED})(?:\\s+(?:av|by)\\s+${BODY})?(?:\\s+(?:enda|ennå|nå|no|allerede|endå))?$`, 'i'), (m) => ({ query: m.groups!.q!.trim(), asked: m.groups!.s!.trim() })),
    phrase(/^how is it going with\s+(?<q>.+)$/i, q),
    phrase(/^how(?:\s+is|\s+are|'s)\s+(?<q>.+?)\s+(?:going|doing|coming along|progressing|getting on)$/i, q),
    phrase(/^what(?:'s|\s+is)\s+(?:the\s+)?(?:status|state|progress)\s+(?:of|for|on|with)\s+(?<q>.+)$/i, q),
    phrase(/^what(?:'s|\s+is)\s+happening\s+(?:with|in|on)\s+(?<q>.+)$/i, q),
    phrase(/^where\s+(?:does|do)\s+(?<q>.+?)\s+stand$/i, q),
    phrase(new RegExp(`^(?:is|has|have)\\s+(?<q>.+?)\\s+(?:been\\s+|already\\s+|yet\\s+)?(?<s>${STATUS_ASKED})(?:\\s+(?:yet|already|now))?$`, 'i'), (m) => ({ query: m.groups!.q!.trim(), asked: m.groups!.s!.trim() })),
  ],
  organisationProjects: [
    phrase(/^hva\s+(?:driver|driv|holder|jobber|jobbar|arbeider|arbeidar|gjør|gjer|held)\s+(?<q>.+?)(?:\s+(?:på\s+)?med)?(?:\s+(?:nå|no|for tiden|egentlig))?$/i, q),
    phrase(/^hva\s+(?:er|har)\s+(?<q>.+?)\s+(?:med\s+(?:i|på)|involvert\s+i|deltaker\s+i|deltakar\s+i|ansvar\s+for)$/i, q),
    phrase(/^hva\s+(?:deltar|leder)\s+(?<q>.+?)(?:\s+(?:i|på))?$/i, q),
    // The verb stays in the query: it tells owner from participant when the question goes on («… som er i gang»).
    phrase(/^(?:hvilke)\s+prosjekt\p{L}*\s+(?<q>(?:eier|deltar|driver)\s+.+?)(?:\s+(?:i|med|på))?$/iu, q),
    phrase(/^what\s+(?:does|do|is|are)\s+(?<q>.+?)\s+(?:own|owning|take part in|participate in|participating in|part of|involved in|working on|work on|doing|do|up to|have|running|in)$/i, q),
    phrase(/^which\s+projects?\s+(?:does|do|is|are)\s+(?<q>.+?\s+(?:own|owning|take part in|participate in|participating in|part of|involved in|working on|work on|doing|have|in|running|lead|leading))$/i, q),
    phrase(/^(?:what|which)\s+projects?\s+(?:has|have)\s+(?<q>.+?)(?:\s+(?:got|joined))?$/i, q),
    phrase(/^(?<q>[^\s].*?)(?:'s|’s|\s+sine|\s+sitt|\s+sin)\s+(?:prosjekter|prosjektene|prosjekt|projects)$/iu, q),
  ],
  portfolio: [
    phrase(/^(?!.*(?:vedtak|beslutning|decision|avstemning|avstemming|avrøysting|initiativ))(?:vis|viser|syn|show|list|liste|gi|give|get|finn|find)(?:\s+(?:meg|me|oss|us))?(?:\s+(?:opp|out))?\s+(?:.*\s)?(?:prosjekter|prosjektene|projects|porteføljen|portfolio|oversikten?)(?:\s.*)?$/iu, whole),
    phrase(/^(?!.*(?:vedtak|beslutning|decision|avstemning|avstemming|avrøysting|initiativ))(?:hvilke|hva|which|what|any|alle|all|de|the)\s+(?:.*[\s-])?(?:\p{L}*prosjekt\p{L}*|\p{L}*projects?)(?:\s.*)?$/iu, whole),
    phrase(/^(?!.*(?:vedtak|beslutning|decision|avstemning|avstemming|avrøysting|initiativ))(?:finnes|fins|finst|er det|har vi|har dere|are there|is there|do we have|do you have|have we got)\s+(?:.*[\s-])?(?:\p{L}*prosjekt\p{L}*|projects?)(?:\s.*)?$/iu, whole),
    phrase(/^(?!.*(?:vedtak|beslutning|decision|avstemning|avstemming|avrøysting|initiativ))(?:\S+\s+){0,6}?\p{L}*(?:prosjekter|prosjektene|prosjekta|projects)(?:\s.*)?$/iu, whole),
    phrase(/^(?:prosjekter|prosjektene|prosjekta|prosjekt|projects)\s+(?:som|der|hvor|innen|innan|i|på|med|om|about|that|which|with|in|on|led|ledet|owned)\s+.+$/iu, whole),
    phrase(/^\S.*?\s+(?:sine|sin|sitt)\s+prosjekt\p{L}*\s+.+$/iu, whole),
    phrase(/^(?:\S+\s+){1,6}prosjekt$/iu, whole),
    phrase(/^(?:hva|what)(?:'s|\s+is|\s+er|\s+som er|\s+are)?\s+(?:i gang|pågår|til behandling|på vent|vedtatt|foreslått|in progress|under consideration|on hold|ongoing|active|approved|proposed)(?:\s.*)?$/iu, whole),
  ],
  initiatives: [phrase(/^(?:.*\s)?(?:initiativer|initiativene|initiativa|initiativ|initiatives?)(?:\s.*)?$/iu, whole)],
  openPolls: [
    phrase(/^(?:(?:vis|syn|se|list|show|gi|give)(?:\s+(?:meg|me|oss|us))?(?:\s+(?:alle|all|the))?\s+)?(?:åpne|aktive|pågående|pågåande|opne|open|active|current|ongoing|mine|my|nye)\s+(?:avstemninger|avstemningene|avstemmingar|avstemminger|avrøystingar|røystingar|polls|votes|saker)$/i, () => ({})),
    phrase(/^(?:(?:vis|syn|show|list)(?:\s+(?:meg|me))?\s+)?(?:avstemninger|avstemningene|avstemmingar|avstemminger|avrøystingar|polls)(?:\s+(?:nå|no|now|i dag|today))?$/i, () => ({})),
    phrase(/^(?:hvilke|hva|which|what|er det|har jeg|har vi|are there|is there|do i have|anything|any|noe|noen|skal jeg|må jeg|must i|should i|have i)\s+(?:.*\s)?(?:avstemning\p{L}*|avstemming\p{L}*|avrøysting\p{L}*|røysting\p{L}*|polls?|stemme|stemt|stemmer|vote|voted|voting|votes)(?:\s.*)?$/iu, () => ({})),
  ],
  decisions: [
    phrase(/^(?:hvilke|hva|which|what|list|vis|show|siste|nyeste|latest|recent|alle|all)\s+(?:.*\s)?(?:vedtak\p{L}*|beslutning\p{L}*|avgjørelse\p{L}*|decisions?)(?:\s.*)?$/iu, whole),
    phrase(/^(?:hva|what)\s+(?:har|har vi|did|has|have|ble|vart|was)\s+(?:.*\s)?(?:vedtatt|besluttet|bestemt|decided?|approved?|avgjort)(?:\s.*)?$/iu, whole),
    phrase(/^(?:når|when)\s+(?:ble|vart|was)\s+(?<q>.+?)\s+(?:vedtatt|approved|decided|godkjent)$/i, (m) => ({ filters: `prosjekt ${m.groups!.q!.trim()}` })),
    phrase(/^(?:vedtak|vedtaka|vedtakene|beslutninger|decisions)\s+(?:om|for|i|fra|in|from|about|on|by|av|på|til|i fjor)(?:\s.*)?$/iu, whole),
    // «programstyrets vedtak», «board decisions on byggesak»: a body, in the genitive or as a noun before, then the decisions.
    phrase(new RegExp(`^${BODY}(?:s|'s)?\\s+(?:vedtak|vedtaka|vedtakene|beslutninger|beslutningene|decisions)(?:\\s.*)?$`, 'iu'), whole),
  ],
} satisfies Record<string, Phrase[]>;
