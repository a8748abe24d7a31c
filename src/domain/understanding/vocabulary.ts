import type { Horizon, ProjectStatus } from '../schema';
import { fold } from '../text';

/**
 * The fixed words of the questions people ask, folded (see `foldKey`): status words, English
 * names of Norwegian areas, the words that only carry the question. Entities themselves
 * (projects, organisations, people, bodies, areas) come from the portfolio.
 */

/** Status words in bokmål, nynorsk and English, singular and plural, as people write them. */
export const STATUS_WORDS: ReadonlyArray<readonly [string, ProjectStatus]> = [
  ...words('active', 'i gang', 'igang', 'pagaende', 'pågåande', 'pagar', 'aktive', 'aktiv', 'aktivt', 'startet', 'starta', 'in progress', 'ongoing', 'active', 'running', 'underway', 'under way', 'started', 'under arbeid', 'under gjennomforing', 'i arbeid'),
  ...words('under_consideration', 'til behandling', 'under behandling', 'under vurdering', 'til vurdering', 'under consideration', 'being considered', 'pending', 'up for decision'),
  ...words('approved', 'vedtatt', 'vedtatte', 'vedteke', 'vedtekne', 'vedtatt av programstyret', 'godkjent', 'godkjente', 'godkjend', 'godkjende', 'approved', 'accepted'),
  ...words('proposed', 'foreslatt', 'foreslatte', 'foreslege', 'foreslegne', 'forslag', 'proposed', 'suggested', 'proposals'),
  ...words('paused', 'satt pa vent', 'sett pa vent', 'pa vent', 'pauset', 'pausa', 'pauserte', 'stoppet', 'paused', 'on hold', 'suspended'),
  ...words('completed', 'avsluttet', 'avsluttede', 'avslutta', 'ferdig', 'ferdige', 'fullfort', 'fullforte', 'ferdigstilt', 'ferdigstilte', 'completed', 'finished', 'done', 'closed', 'complete'),
  ...words('rejected', 'avvist', 'avviste', 'avslatt', 'avslatte', 'rejected', 'declined', 'turned down'),
  ...words('withdrawn', 'trukket', 'trukne', 'trekt', 'trekte', 'tilbaketrukket', 'withdrawn', 'pulled'),
];

function words(status: ProjectStatus, ...ws: string[]): Array<readonly [string, ProjectStatus]> {
  return ws.map((w) => [w, status] as const);
}

export const HORIZON_WORDS: ReadonlyArray<readonly [string, Horizon]> = (['H1', 'H2', 'H3'] as const).flatMap((h) => {
  const n = h.slice(1);
  return [`${h.toLowerCase()}`, `horisont ${n}`, `horisont ${h.toLowerCase()}`, `horizon ${n}`, `horizon ${h.toLowerCase()}`].map((w) => [w, h] as const);
});

/**
 * Other names for the areas networks name in their agreements: English, short forms, old
 * spellings. Each maps to a word found in the area's own name, so the area itself comes from
 * the network's list (a network that calls it «arkiv og dokumentasjon» still gets «archive»).
 * Longer phrases are tried first.
 */
export const AREA_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ...alias('barnevern', 'child welfare', 'child protection', 'child protective services', 'barnevern', 'barnevernet', 'barneverns', 'barnevernstjeneste', 'barnevernstenesta', 'cps'),
  ...alias('velferdsteknologi', 'welfare technology', 'welfare tech', 'assistive technology', 'velferdsteknologi', 'velferdsteknologisk', 'velferdsteknologiske', 'velferdsteknologien'),
  ...alias('arkivsystem', 'case and archive system', 'case and archive', 'case management and archive', 'archive system', 'archiving system', 'records system', 'sak arkiv', 'sak og arkiv', 'sak arkivsystem', 'arkivsystem', 'arkivsystemet', 'saksbehandlingssystem'),
  ...alias('arkivering', 'archiving', 'arkivering'),
  ...alias('arkiv', 'archive', 'archives', 'records', 'records management', 'arkiv', 'arkivet', 'arkiver', 'arkivdanning', 'depot'),
  ...alias('informasjonssikkerhet', 'information security', 'infosec', 'cyber security', 'cybersecurity', 'it security', 'security', 'informasjonssikkerhet', 'informasjonssikkerheten', 'informasjonstryggleik', 'infosikkerhet', 'sikkerhet', 'tryggleik', 'personvern'),
  ...alias('ehelse', 'e health', 'ehealth', 'digital health', 'health', 'e helse', 'ehelse', 'helse'),
  ...alias('plan bygg', 'planning and building', 'planning and buildings', 'planning', 'building', 'zoning', 'geodata', 'maps', 'plan og bygg', 'plan bygg', 'byggesak', 'kart', 'plan bygg geodata'),
  ...alias('kompetanse', 'competence building', 'competence', 'training', 'skills', 'kompetanse', 'kompetansebygging', 'kompetanseheving', 'opplaering'),
  ...alias('oppvekst', 'childhood and education', 'education', 'schools', 'school', 'kindergartens', 'childhood', 'oppvekst', 'barnehage', 'skole', 'oppvekstadministrasjon', 'oppvekstadministrativ'),
].sort((a, b) => b[0].length - a[0].length);

function alias(stem: string, ...names: string[]): Array<readonly [string, string]> {
  return names.map((n) => [n, stem] as const);
}

/** Words that carry only the question («which projects are …»), in the three languages. */
export const FILLER = new Set(
  (
    'hvilke hvilken hvilket hva hvem hvor hvordan kva kven kor korleis which what who whose where how any all alle alt ' +
    'prosjekt prosjekter prosjektene prosjekta prosjektet prosjektets project projects portefolje porteføljen portefoljen portfolio oversikt overview liste list ' +
    'vis viser vise syn show shows display gi gir give get finn find se sja see fa far kan kunne could can would will du dere you me meg oss us we vi jeg eg i ' +
    'er var erre is are was were be been being har hadde have has had do does did finnes fins finst det den de dei there it its ' +
    'som der og eller men and or but med uten utan with without av ved of by for fra frå from til to pa på in innen innanfor innenfor within on at om about about ' +
    'mine min mitt vare vår vårt our my your sine sin sitt sitt their his her s nå no now na idag today enda ennå endå still yet just egentlig ' +
    'the a an some noen nokre nokon eventuelt gjerne takk thanks please vennligst status statusen area omrade område omradet horisont horizon ' +
    'innenfor tema teama theme kommune kommunen kommunar kommuner municipality municipalities organisasjon organisation organization ' +
    'eier eies eid eig eigd eigar owner owned owns own owning deltar deltek deltakar deltaker deltakere participant participants participates participating part involved involving involvert ' +
    'leder ledes ledet leidd leiar leads led lead leading prosjektleder prosjektleiar projectlead manager managed runs run ' +
    'driver driv holder held jobber jobbar arbeider working work doing up ting things stuff akkurat tida tiden moment currently right ' +
    'ikke ikkje not that which who whom whose innan altså altso liksom ' +
    'kommer kjem kommet kome come comes coming helt heilt fully completely'
  )
    .split(/\s+/)
    .map(fold),
);

/** Words that turn the status after them around («ikke startet»): the status is then not a filter. */
export const NEGATIONS = new Set(['ikke', 'ikkje', 'not', 'aldri', 'never']);

/**
 * Other names for words of project titles and organisations, mostly English: «log analysis» is
 * «logganalyse», «KI» and «AI» are «kunstig intelligens», «the county council» is the
 * fylkeskommune. Each maps to a word found in the portfolio's own names.
 */
export const NAME_ALIASES: ReadonlyArray<readonly [string, string]> = (
  [
  ['log analysis', 'logganalyse'],
  ['logging', 'logganalyse'],
  ['incident handling', 'hendelseshandtering'],
  ['incident management', 'hendelseshandtering'],
  ['ki', 'kunstig intelligens'],
  ['ai', 'kunstig intelligens'],
  ['artificial intelligence', 'kunstig intelligens'],
  ['home follow up', 'hjemmeoppfolging'],
  ['remote monitoring', 'hjemmeoppfolging'],
  ['chronically ill', 'kronisk syke'],
  ['leadership', 'lederutvikling'],
  ['leadership programme', 'lederutviklingsprogram'],
  ['leadership program', 'lederutviklingsprogram'],
  ['planning register', 'planregister'],
  ['zoning plan register', 'planregister'],
  ['building applications', 'byggesaksbehandling'],
  ['building permits', 'byggesaksbehandling'],
  ['hospital', 'helseforetaket'],
  ['health trust', 'helseforetaket'],
  ['home care', 'hjemmetjenesten'],
  ['home services', 'hjemmetjenesten'],
  ['county council', 'fylkeskommune'],
  ['county municipality', 'fylkeskommune'],
  ['state administrator', 'statsforvalteren'],
  ['county governor', 'statsforvalteren'],
  ] as Array<[string, string]>
).sort((a, b) => b[0].length - a[0].length);

/**
 * Nynorsk word parts and their bokmål forms, folded, for reading a name written in the other
 * form: «heimetenesta» is «hjemmetjenesta» (and, with the definite ending, «hjemmetjenesten»),
 * «sakshandsaming» «saksbehandling». Parts of words, so compounds are covered too.
 */
export const NYNORSK_PARTS: ReadonlyArray<readonly [string, string]> = [
  ['heime', 'hjemme'],
  ['heim', 'hjem'],
  ['teneste', 'tjeneste'],
  ['tenest', 'tjenest'],
  ['handsaming', 'behandling'],
  ['tryggleik', 'sikkerhet'],
  ['leiing', 'ledelse'],
  ['leiar', 'leder'],
  ['byggjar', 'bygger'],
  ['kvardag', 'hverdag'],
  ['augne', 'oyne'],
  ['oppfylging', 'oppfolging'],
  ['eigar', 'eier'],
  ['ikkje', 'ikke'],
  ['berre', 'bare'],
  ['mykje', 'mye'],
  ['utgreiing', 'utredning'],
  ['utval', 'utvalg'],
];

/** Words that say a list should include everything, the closed and turned-down too. */
export const ALL_WORDS = new Set(['alle', 'all', 'alt', 'samtlige', 'every', 'everything']);

/** Cues that an organisation named in a list question is the owner, or a participant. */
export const OWNER_CUES = new Set(['eier', 'eies', 'eid', 'eig', 'eigd', 'eigar', 'owner', 'owned', 'owns', 'own', 'ansvar', 'ansvarlig', 'ansvarleg']);
export const PARTICIPANT_CUES = new Set(['deltar', 'deltek', 'deltaker', 'deltakar', 'deltakere', 'participant', 'participants', 'participates', 'participating', 'part', 'involved', 'involvert', 'involving']);
