import type { z } from 'zod/v4';
import {
  Portfolio,
  SCHEMA_VERSION,
  type Body,
  type Decision,
  type HistoryEntry,
  type Initiative,
  type Network,
  type Organisation,
  type Person,
  type Project,
  type ProjectStatus,
  type Rag,
  type StatusReport,
} from '../domain/schema';

/**
 * The demo portfolio: the two real networks with their real member municipalities, and invented
 * people, projects, initiatives and decisions, every one of them flagged `example: true`.
 * Pure and deterministic: the same CSV always gives the same portfolio, so
 * `data/demo-portfolio.json` can be regenerated and compared (scripts/make-demo-portfolio.ts).
 */

export const DEMO_AREAS = [
  'informasjonssikkerhet',
  'felles fagsystem for barnevern',
  'arkivering',
  'oppvekstadministrasjon',
  'velferdsteknologi',
  'kompetansebygging',
  'felles sak-/arkivsystem',
  'eHelse',
  'plan/bygg/geodata',
];

const TRONDELAG = 'digitrondelag';
const VESTLAND = 'digi-vestland';
const NETWORK_BY_COUNTY: Record<string, string> = { Trøndelag: TRONDELAG, Vestland: VESTLAND };

export interface Municipality {
  kommunenummer: string;
  name: string;
  county: string;
}

/** Reads `kommunenummer,name,county` lines (the file in data/reference has no quoted fields). */
export function parseMunicipalities(csvText: string): Municipality[] {
  const [header, ...lines] = csvText.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (header?.trim() !== 'kommunenummer,name,county') throw new Error(`unexpected CSV header: ${header}`);
  return lines.map((line) => {
    const [kommunenummer, name, county, ...rest] = line.split(',').map((cell) => cell.trim());
    if (!kommunenummer || !/^\d{4}$/.test(kommunenummer) || !name || !county || rest.length > 0) {
      throw new Error(`malformed municipality line: ${line}`);
    }
    return { kommunenummer, name, county };
  });
}

type In<T extends z.ZodType> = z.input<T>;
type ProjectIn = In<typeof Project>;

const kommune = (nr: string): string => `kommune-${nr}`;
const kommuner = (...nrs: string[]): string[] => nrs.map(kommune);
const at = (date: string, time = '09:00'): string => `${date}T${time}:00.000Z`;
const rag = (level: Rag, comment = ''): { level: Rag; comment: string } => ({ level, comment });
const created = (date: string, by: string): In<typeof HistoryEntry> => ({ at: at(date), by, change: 'created' });
const moved = (date: string, by: string, from: ProjectStatus, to: ProjectStatus): In<typeof HistoryEntry> => ({
  at: at(date, '14:00'),
  by,
  change: 'status',
  from,
  to,
});

function report(
  projectId: string,
  date: string,
  reportedBy: string,
  [overall, time, budget, quality]: [Rag, string][],
): In<typeof StatusReport> {
  const r = (x: [Rag, string] | undefined) => rag(x?.[0] ?? 'green', x?.[1] ?? '');
  return { id: `sr-${projectId.slice(2)}-${date}`, date, reportedBy, overall: r(overall), time: r(time), budget: r(budget), quality: r(quality) };
}

const G = (comment: string): [Rag, string] => ['green', comment];
const Y = (comment: string): [Rag, string] => ['yellow', comment];
const R = (comment: string): [Rag, string] => ['red', comment];

const networks: In<typeof Network>[] = [
  { id: TRONDELAG, name: 'DigiTrøndelag', tenantIds: [], sharesWith: [VESTLAND], areas: DEMO_AREAS, locale: 'nb', example: true },
  { id: VESTLAND, name: 'Digi Vestland', tenantIds: [], sharesWith: [TRONDELAG], areas: DEMO_AREAS, locale: 'nn', example: true },
];

const regionalOrganisations: In<typeof Organisation>[] = [
  { id: 'trondelag-fylkeskommune', networkId: TRONDELAG, name: 'Trøndelag fylkeskommune', kind: 'fylkeskommune' },
  { id: 'ks-trondelag', networkId: TRONDELAG, name: 'KS Trøndelag', kind: 'ks' },
  { id: 'statsforvalteren-trondelag', networkId: TRONDELAG, name: 'Statsforvalteren i Trøndelag', kind: 'statsforvalter' },
  { id: 'vestland-fylkeskommune', networkId: VESTLAND, name: 'Vestland fylkeskommune', kind: 'fylkeskommune' },
  { id: 'ks-vestland', networkId: VESTLAND, name: 'KS Vestland', kind: 'ks' },
  { id: 'statsforvalteren-vestland', networkId: VESTLAND, name: 'Statsforvalteren i Vestland', kind: 'statsforvalter' },
];

// The names are invented; the aadObjectIds are well-formed but belong to nobody.
// Board roles are not listed: they follow from the bodies' terms below.
const peopleRows: [string, string, string, string, Person['roles']][] = [
  ['person-sekretariat', 'Kari Eksempelsen', kommune('5001'), TRONDELAG, ['secretariat', 'admin']],
  ['person-ola-demodal', 'Ola Demodal', kommune('5001'), TRONDELAG, []],
  ['person-ingrid-provestad', 'Ingrid Prøvestad', kommune('5006'), TRONDELAG, []],
  ['person-per-testmo', 'Per Testmo', kommune('5007'), TRONDELAG, ['project_lead']],
  ['person-sigrid-fiktivlia', 'Sigrid Fiktivlia', kommune('5059'), TRONDELAG, ['project_lead']],
  ['person-lars-oppdiktsen', 'Lars Oppdiktsen', 'ks-trondelag', TRONDELAG, []],
  ['person-marit-eksempelvik', 'Marit Eksempelvik', 'trondelag-fylkeskommune', TRONDELAG, []],
  ['person-nils-demoberg', 'Nils Demoberg', kommune('5057'), TRONDELAG, ['resource_group', 'project_lead']],
  ['person-hanne-provemo', 'Hanne Prøvemo', kommune('5037'), TRONDELAG, ['resource_group', 'project_lead']],
  ['person-jon-testvik', 'Jon Testvik', kommune('5054'), TRONDELAG, ['resource_group', 'project_lead']],
  ['person-eli-fiktivdal', 'Eli Fiktivdal', kommune('5001'), TRONDELAG, ['resource_group', 'project_lead']],
  ['person-tor-eksempelmo', 'Tor Eksempelmo', kommune('5006'), TRONDELAG, ['resource_group', 'project_lead']],
  ['person-anne-demostad', 'Anne Demostad', 'trondelag-fylkeskommune', TRONDELAG, ['resource_group', 'project_lead']],
  ['person-sekretariat-vestland', 'Solveig Dømesen', kommune('4601'), VESTLAND, ['secretariat', 'admin']],
  ['person-hakon-provenes', 'Håkon Prøvenes', kommune('4601'), VESTLAND, []],
  ['person-randi-testhamar', 'Randi Testhamar', kommune('4631'), VESTLAND, ['project_lead']],
  ['person-eirik-domedal', 'Eirik Dømedal', kommune('4627'), VESTLAND, ['project_lead']],
  ['person-gunn-fiktivhaug', 'Gunn Fiktivhaug', kommune('4621'), VESTLAND, ['project_lead']],
  ['person-torbjorn-eksempelstad', 'Torbjørn Eksempelstad', kommune('4647'), VESTLAND, ['project_lead']],
  ['person-liv-plasshaldar', 'Liv Plasshaldar', 'ks-vestland', VESTLAND, []],
];

const people: In<typeof Person>[] = peopleRows.map(([id, name, organisationId, networkId, roles], i) => ({
  id,
  aadObjectId: `00000000-0000-4000-8000-0000000000${String(i + 1).padStart(2, '0')}`,
  name,
  organisationId,
  networkId,
  roles,
  example: true,
}));

type MemberIn = In<typeof Body>['members'][number];
const member = (personId: string, organisationId: string, from: string, to?: string, role: MemberIn['role'] = 'member'): MemberIn =>
  to ? { personId, role, organisationId, from, to } : { personId, role, organisationId, from };

const bodies: In<typeof Body>[] = [
  {
    id: 'ps-digitrondelag',
    networkId: TRONDELAG,
    kind: 'programme_board',
    name: 'Programstyret for DigiTrøndelag',
    casePrefix: 'PS',
    members: [
      // Trondheim is represented permanently (samarbeidsavtalen 4.2–4.3); the others serve three years.
      member('person-ola-demodal', kommune('5001'), '2024-01-01', undefined, 'leader'),
      member('person-ingrid-provestad', kommune('5006'), '2025-01-01', '2027-12-31'),
      member('person-per-testmo', kommune('5007'), '2025-01-01', '2027-12-31'),
      member('person-sigrid-fiktivlia', kommune('5059'), '2026-01-01', '2028-12-31'),
      member('person-lars-oppdiktsen', 'ks-trondelag', '2024-07-01', '2027-06-30'),
      member('person-marit-eksempelvik', 'trondelag-fylkeskommune', '2026-01-01', '2028-12-31'),
      // A term that has ended: Fosen's seat passed to Orkland in 2026.
      member('person-nils-demoberg', kommune('5057'), '2022-01-01', '2024-12-31'),
      member('person-sekretariat', kommune('5001'), '2024-01-01', undefined, 'secretary'),
    ],
  },
  {
    id: 'rg-digitrondelag',
    networkId: TRONDELAG,
    kind: 'resource_group',
    name: 'Ressursgruppen i DigiTrøndelag',
    casePrefix: 'RG',
    members: [
      member('person-sekretariat', kommune('5001'), '2024-01-01', undefined, 'leader'),
      member('person-eli-fiktivdal', kommune('5001'), '2024-01-01'),
      member('person-tor-eksempelmo', kommune('5006'), '2024-01-01'),
      member('person-hanne-provemo', kommune('5037'), '2024-01-01'),
      member('person-jon-testvik', kommune('5054'), '2024-01-01'),
      member('person-nils-demoberg', kommune('5057'), '2025-01-01'),
      member('person-anne-demostad', 'trondelag-fylkeskommune', '2025-06-01'),
    ],
  },
  {
    id: 'ps-digi-vestland',
    networkId: VESTLAND,
    kind: 'programme_board',
    name: 'Styringsgruppa for Digi Vestland',
    casePrefix: 'PS',
    members: [
      member('person-hakon-provenes', kommune('4601'), '2024-01-01', undefined, 'leader'),
      member('person-randi-testhamar', kommune('4631'), '2025-01-01', '2027-12-31'),
      member('person-eirik-domedal', kommune('4627'), '2025-01-01', '2027-12-31'),
      member('person-gunn-fiktivhaug', kommune('4621'), '2026-01-01', '2028-12-31'),
      member('person-torbjorn-eksempelstad', kommune('4647'), '2026-01-01', '2028-12-31'),
      member('person-liv-plasshaldar', 'ks-vestland', '2025-01-01', '2027-12-31'),
      member('person-sekretariat-vestland', kommune('4601'), '2024-01-01', undefined, 'secretary'),
    ],
  },
];

const trondelag = (p: Omit<ProjectIn, 'networkId' | 'example'>): ProjectIn => ({ ...p, networkId: TRONDELAG, example: true });
const vestland = (p: Omit<ProjectIn, 'networkId' | 'example'>): ProjectIn => ({ ...p, networkId: VESTLAND, example: true });

const projects: ProjectIn[] = [
  trondelag({
    id: 'p-felles-sak-arkiv',
    title: 'Felles sak-/arkivsystem',
    summary:
      'Felles anskaffelse og innføring av nytt sak- og arkivsystem for de deltakende kommunene, med felles arkivplan, klassifikasjonssystem og integrasjoner mot FIKS-plattformen. Målet er lik praksis for saksbehandling og enklere deling av dokumenter på tvers av kommunene.',
    ownerOrganisationId: kommune('5001'),
    projectLeadId: 'person-eli-fiktivdal',
    participantOrganisationIds: kommuner('5001', '5006', '5007', '5035', '5037', '5038', '5053', '5054', '5057', '5059', '5028', '5031'),
    area: 'felles sak-/arkivsystem',
    horizon: 'H1',
    status: 'active',
    phase: 'execution',
    mandate:
      'Prosjektet skal gjennomføre en felles konkurranse, inngå rammeavtale og innføre løsningen i to puljer innen utgangen av 2027. Prosjektet rapporterer kvartalsvis til programstyret, og avvik over 10 prosent i tid eller kostnad legges fram for programstyret.',
    budgetNok: 4_800_000,
    financing: [
      { source: 'member_contributions', amountNok: 2_400_000, note: 'Fordelt etter innbyggertall' },
      { source: 'digifin', amountNok: 1_500_000, note: 'Tilsagn fra DigiFin 2025' },
      { source: 'own_effort', amountNok: 900_000, note: 'Arkivressurser fra deltakende kommuner' },
    ],
    startDate: '2025-03-01',
    endDate: '2027-12-31',
    statusReports: [
      report('p-felles-sak-arkiv', '2026-06-15', 'person-eli-fiktivdal', [
        G('Kontrakt er signert, og pulje 1 er i gang.'),
        G('I rute.'),
        G('Innenfor rammen.'),
        G('Arkivplan og klassifikasjon er godkjent av arkivlederne.'),
      ]),
      report('p-felles-sak-arkiv', '2026-10-20', 'person-eli-fiktivdal', [
        Y('Pulje 1 er forsinket med om lag seks uker på grunn av integrasjonen mot fagsystemene.'),
        Y('Ny plan for pulje 1: idriftsettelse i februar 2027.'),
        G('Innenfor rammen.'),
        G('Testene av integrasjonen mot FIKS er godkjent.'),
      ]),
    ],
    history: [
      created('2024-10-14', 'person-sekretariat'),
      moved('2024-11-05', 'person-sekretariat', 'proposed', 'under_consideration'),
      moved('2024-12-12', 'person-ola-demodal', 'under_consideration', 'approved'),
      moved('2025-03-03', 'person-eli-fiktivdal', 'approved', 'active'),
    ],
    createdBy: 'person-sekretariat',
    createdAt: at('2024-10-14', '08:30'),
  }),
  trondelag({
    id: 'p-lederutvikling',
    title: 'Lederutviklingsprogram for digital transformasjon',
    summary:
      'Samlingsbasert program for kommunedirektører og ledere på nivå to om ledelse av digital transformasjon, gevinstrealisering og tjenesteinnovasjon. Programmet ble gjennomført i tre kull med deltakere fra alle regionene i Trøndelag.',
    ownerOrganisationId: kommune('5059'),
    projectLeadId: 'person-sigrid-fiktivlia',
    participantOrganisationIds: [
      ...kommuner('5059', '5001', '5006', '5007', '5014', '5021', '5025', '5027', '5056', '5060', '5061'),
      'trondelag-fylkeskommune',
      'ks-trondelag',
    ],
    area: 'kompetansebygging',
    horizon: 'H1',
    status: 'completed',
    phase: 'realisation',
    mandate:
      'Prosjektet skal utvikle og gjennomføre et lederutviklingsprogram i samarbeid med KS og en høgskole, med plass til minst 60 ledere. Programmet evalueres ved avslutning, og erfaringene legges fram for porteføljestyret.',
    budgetNok: 1_200_000,
    financing: [
      { source: 'skjonnsmidler', amountNok: 700_000, note: 'Skjønnsmidler fra Statsforvalteren i Trøndelag' },
      { source: 'member_contributions', amountNok: 300_000 },
      { source: 'own_effort', amountNok: 150_000 },
    ],
    startDate: '2024-02-01',
    endDate: '2025-06-30',
    statusReports: [
      report('p-lederutvikling', '2024-09-30', 'person-sigrid-fiktivlia', [
        G('Første kull er gjennomført med 24 deltakere.'),
        G('I rute.'),
        G('Innenfor rammen.'),
        G('Deltakerne gir samlingene gode tilbakemeldinger.'),
      ]),
      report('p-lederutvikling', '2025-06-20', 'person-sigrid-fiktivlia', [
        G('Tre kull er gjennomført med til sammen 71 deltakere. Sluttrapporten er levert.'),
        G('Avsluttet som planlagt.'),
        G('Regnskapet viser et mindreforbruk på 80 000 kroner.'),
        G('Evalueringen anbefaler et nytt kull i 2027.'),
      ]),
    ],
    history: [
      created('2023-11-20', 'person-sigrid-fiktivlia'),
      moved('2023-12-14', 'person-ola-demodal', 'proposed', 'approved'),
      moved('2024-02-01', 'person-sigrid-fiktivlia', 'approved', 'active'),
      moved('2025-06-30', 'person-sigrid-fiktivlia', 'active', 'completed'),
    ],
    createdBy: 'person-sigrid-fiktivlia',
    createdAt: at('2023-11-20', '10:00'),
  }),
  trondelag({
    id: 'p-informasjonssikkerhet',
    title: 'Felles informasjonssikkerhetsarbeid',
    summary:
      'Felles styringssystem for informasjonssikkerhet med maler for risikovurdering, rutiner for avvikshåndtering og et nettverk av sikkerhetskoordinatorer i kommunene. Prosjektet tilbyr også felles opplæring og øvelser.',
    ownerOrganisationId: kommune('5057'),
    projectLeadId: 'person-nils-demoberg',
    participantOrganisationIds: kommuner('5057', '5054', '5058', '5020', '5014', '5056', '5055', '5029', '5036'),
    area: 'informasjonssikkerhet',
    horizon: 'H1',
    status: 'active',
    phase: 'execution',
    mandate:
      'Prosjektet skal etablere et felles styringssystem for informasjonssikkerhet som kommunene kan ta i bruk med lokale tilpasninger, og gjennomføre minst én felles beredskapsøvelse i året. Ved avslutning skal prosjektet foreslå en varig forvaltningsmodell for programstyret.',
    budgetNok: 2_100_000,
    financing: [
      { source: 'member_contributions', amountNok: 1_400_000 },
      { source: 'own_effort', amountNok: 500_000, note: 'Sikkerhetskoordinatorer i kommunene' },
    ],
    startDate: '2024-09-01',
    endDate: '2026-12-31',
    statusReports: [
      report('p-informasjonssikkerhet', '2026-03-10', 'person-nils-demoberg', [
        G('Styringssystemet er tatt i bruk i seks av ni kommuner.'),
        G('I rute.'),
        G('Innenfor rammen.'),
        G('Malene for risikovurdering er revidert etter innspill.'),
      ]),
      report('p-informasjonssikkerhet', '2026-09-25', 'person-nils-demoberg', [
        Y('To kommuner mangler fortsatt sikkerhetskoordinator.'),
        Y('Innføringen i de siste kommunene er utsatt til desember.'),
        G('Innenfor rammen.'),
        G('Beredskapsøvelsen i september ga gode erfaringer.'),
      ]),
    ],
    history: [
      created('2024-05-06', 'person-nils-demoberg'),
      moved('2024-06-04', 'person-sekretariat', 'proposed', 'under_consideration'),
      moved('2024-06-20', 'person-ola-demodal', 'under_consideration', 'approved'),
      moved('2024-09-02', 'person-nils-demoberg', 'approved', 'active'),
    ],
    createdBy: 'person-nils-demoberg',
    createdAt: at('2024-05-06'),
  }),
  trondelag({
    id: 'p-barnevern',
    title: 'Felles fagsystem for barnevern',
    summary:
      'Regional innføring av nytt fagsystem for barnevern i tråd med den nasjonale DigiBarnevern-satsingen. Kommunene samordner forberedelser, opplæring og overgang fra dagens systemer.',
    ownerOrganisationId: kommune('5037'),
    projectLeadId: 'person-hanne-provemo',
    participantOrganisationIds: kommuner('5037', '5038', '5035', '5036', '5053', '5006', '5041', '5034'),
    area: 'felles fagsystem for barnevern',
    horizon: 'H1',
    status: 'approved',
    phase: 'planning',
    mandate:
      'Prosjektet skal planlegge og koordinere overgangen til nytt fagsystem for barnevern i de deltakende kommunene, med felles opplæringsopplegg og plan for konvertering av data. Prosjektet legger fram en innføringsplan for programstyret før første pulje starter.',
    budgetNok: 3_500_000,
    financing: [
      { source: 'digifin', amountNok: 2_000_000, note: 'Søknad til DigiFin; forutsetter tilsagn' },
      { source: 'member_contributions', amountNok: 1_000_000 },
      { source: 'own_effort', amountNok: 500_000 },
    ],
    startDate: '2026-01-15',
    endDate: '2028-06-30',
    statusReports: [
      report('p-barnevern', '2026-10-01', 'person-hanne-provemo', [
        G('Innføringsplanen er på høring i kommunene.'),
        G('I rute.'),
        G('Innenfor rammen.'),
        G('Barnevernslederne deltar aktivt i planarbeidet.'),
      ]),
    ],
    history: [
      created('2025-04-02', 'person-hanne-provemo'),
      moved('2025-09-01', 'person-sekretariat', 'proposed', 'under_consideration'),
      moved('2025-11-20', 'person-ola-demodal', 'under_consideration', 'approved'),
    ],
    initiativeId: 'i-digibarnevern',
    createdBy: 'person-hanne-provemo',
    createdAt: at('2025-04-02', '11:15'),
  }),
  trondelag({
    id: 'p-depot-digitalt-arkiv',
    title: 'Depotløsning for digitalt arkiv',
    summary:
      'Utredning av en felles depotløsning for langtidslagring av digitalt arkivmateriale fra kommunene. Løsningen skal ta imot uttrekk fra avsluttede sak-/arkivsystemer og fagsystemer.',
    ownerOrganisationId: 'trondelag-fylkeskommune',
    projectLeadId: 'person-anne-demostad',
    participantOrganisationIds: ['trondelag-fylkeskommune', ...kommuner('5001', '5006', '5007', '5037', '5059', '5021')],
    area: 'arkivering',
    horizon: 'H2',
    status: 'under_consideration',
    phase: 'concept',
    mandate:
      'Konseptfasen skal beskrive alternativer for et felles digitalt depot, anslå kostnader og anbefale en modell for eierskap og drift. Anbefalingen legges fram for programstyret innen juni 2027.',
    budgetNok: 2_600_000,
    financing: [
      { source: 'member_contributions', amountNok: 1_600_000 },
      { source: 'own_effort', amountNok: 400_000 },
    ],
    startDate: '2027-01-01',
    endDate: '2028-06-30',
    history: [
      created('2026-05-12', 'person-anne-demostad'),
      moved('2026-09-08', 'person-sekretariat', 'proposed', 'under_consideration'),
    ],
    createdBy: 'person-anne-demostad',
    createdAt: at('2026-05-12', '13:40'),
  }),
  trondelag({
    id: 'p-oppvekstadministrativt-system',
    title: 'Felles oppvekstadministrativt system',
    summary:
      'Felles løsning for administrasjon av barnehage og skole, med opptak, foreldrebetaling, elevdata og kommunikasjon med foresatte. Løsningen erstatter flere ulike systemer og gir likere arbeidsprosesser i kommunene.',
    ownerOrganisationId: kommune('5006'),
    projectLeadId: 'person-tor-eksempelmo',
    participantOrganisationIds: kommuner('5006', '5053', '5041', '5045', '5047', '5007', '5046', '5044'),
    area: 'oppvekstadministrasjon',
    horizon: 'H1',
    status: 'active',
    phase: 'execution',
    mandate:
      'Prosjektet skal innføre et felles oppvekstadministrativt system i de deltakende kommunene innen skolestart 2026 og etablere en felles brukergruppe for forvaltning. Gevinstene måles på tid brukt til opptak og foreldrebetaling.',
    budgetNok: 2_900_000,
    financing: [
      { source: 'member_contributions', amountNok: 1_500_000 },
      { source: 'digifin', amountNok: 800_000 },
      { source: 'own_effort', amountNok: 600_000 },
    ],
    startDate: '2024-08-15',
    endDate: '2026-12-31',
    statusReports: [
      report('p-oppvekstadministrativt-system', '2026-04-15', 'person-tor-eksempelmo', [
        G('Barnehageopptaket for 2026 ble gjennomført i den nye løsningen.'),
        G('I rute.'),
        G('Innenfor rammen.'),
        G('Få feil etter overgangen.'),
      ]),
      report('p-oppvekstadministrativt-system', '2026-10-05', 'person-tor-eksempelmo', [
        Y('Alle skoler er i drift, men to barnehager venter på integrasjonen mot foreldrebetaling.'),
        Y('Integrasjonen ventes ferdig i desember.'),
        R('Ekstra leverandørtimer til integrasjonen gir et forventet merforbruk på 250 000 kroner.'),
        G('Brukergruppen er etablert.'),
      ]),
    ],
    history: [
      created('2024-03-11', 'person-tor-eksempelmo'),
      moved('2024-04-09', 'person-sekretariat', 'proposed', 'under_consideration'),
      moved('2024-06-20', 'person-ola-demodal', 'under_consideration', 'approved'),
      moved('2024-08-15', 'person-tor-eksempelmo', 'approved', 'active'),
    ],
    createdBy: 'person-tor-eksempelmo',
    createdAt: at('2024-03-11'),
  }),
  trondelag({
    id: 'p-velferdsteknologi-hjemmetjenesten',
    title: 'Velferdsteknologi i hjemmetjenesten',
    summary:
      'Felles innføring av digitalt tilsyn, elektroniske medisindispensere og lokaliseringsteknologi i hjemmetjenesten, med felles responssenter. Prosjektet er satt på vent til en ny avtale om responssentertjeneste er på plass.',
    ownerOrganisationId: kommune('5054'),
    projectLeadId: 'person-jon-testvik',
    participantOrganisationIds: kommuner('5054', '5057', '5058', '5020', '5049', '5055'),
    area: 'velferdsteknologi',
    horizon: 'H1',
    status: 'paused',
    phase: 'execution',
    mandate:
      'Prosjektet skal innføre velferdsteknologiske løsninger i hjemmetjenesten i de deltakende kommunene og etablere felles rutiner for responssenter. Gevinstene dokumenteres etter anbefalingene fra det nasjonale velferdsteknologiprogrammet.',
    budgetNok: 1_800_000,
    financing: [
      { source: 'skjonnsmidler', amountNok: 600_000, note: 'Skjønnsmidler fra Statsforvalteren i Trøndelag' },
      { source: 'member_contributions', amountNok: 400_000 },
      { source: 'own_effort', amountNok: 500_000 },
    ],
    startDate: '2024-04-01',
    endDate: '2026-12-31',
    statusReports: [
      report('p-velferdsteknologi-hjemmetjenesten', '2025-11-10', 'person-jon-testvik', [
        G('Digitalt tilsyn er i drift i fire kommuner.'),
        G('I rute.'),
        G('Innenfor rammen.'),
        G('Ansatte og brukere er godt fornøyd.'),
      ]),
      report('p-velferdsteknologi-hjemmetjenesten', '2026-05-15', 'person-jon-testvik', [
        R('Leverandøren har sagt opp avtalen om responssentertjeneste. Prosjektet foreslås satt på vent til ny anskaffelse er gjennomført.'),
        R('Innføringen stopper til ny avtale er på plass.'),
        Y('Ubrukte midler holdes av til videreføringen.'),
        Y('Utstyret som er i drift fungerer, men uten felles responssenter.'),
      ]),
    ],
    history: [
      created('2023-12-04', 'person-jon-testvik'),
      moved('2024-02-15', 'person-ola-demodal', 'proposed', 'approved'),
      moved('2024-04-02', 'person-jon-testvik', 'approved', 'active'),
      moved('2026-05-20', 'person-ola-demodal', 'active', 'paused'),
    ],
    createdBy: 'person-jon-testvik',
    createdAt: at('2023-12-04', '12:00'),
  }),
  trondelag({
    id: 'p-samhandling-helseforetak',
    title: 'Digital samhandling med helseforetaket',
    summary:
      'Forslag om felles arbeid med elektroniske meldinger, digital dialog og deling av pasientopplysninger mellom kommunene i Namdalen og helseforetaket. Forslaget bygger på erfaringer fra samhandlingsarbeidet i Namsos.',
    ownerOrganisationId: kommune('5007'),
    projectLeadId: 'person-per-testmo',
    participantOrganisationIds: kommuner('5007', '5047', '5045', '5046', '5044', '5043', '5042', '5049', '5060', '5052'),
    area: 'eHelse',
    horizon: 'H2',
    status: 'proposed',
    phase: 'idea',
    mandate: 'Forprosjektet skal kartlegge dagens meldingsflyt og behovene i kommunene, og foreslå tiltak og finansiering for et hovedprosjekt.',
    budgetNok: 900_000,
    financing: [
      { source: 'member_contributions', amountNok: 300_000 },
      { source: 'own_effort', amountNok: 200_000 },
    ],
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    history: [created('2026-10-28', 'person-per-testmo')],
    createdBy: 'person-per-testmo',
    createdAt: at('2026-10-28', '10:20'),
  }),
  trondelag({
    id: 'p-digital-byggesak',
    title: 'Digital byggesaksbehandling',
    summary:
      'Forslag om felles løsning for digitale byggesøknader med automatisk kontroll mot reguleringsplan. Forslaget ble avvist fordi flere kommuner ville avvente de nasjonale løsningene for byggesak.',
    ownerOrganisationId: kommune('5037'),
    projectLeadId: 'person-hanne-provemo',
    participantOrganisationIds: kommuner('5037', '5038', '5035', '5031', '5036'),
    area: 'plan/bygg/geodata',
    horizon: 'H2',
    status: 'rejected',
    phase: 'concept',
    mandate: 'Prosjektet skulle innføre en felles løsning for mottak av digitale byggesøknader og etablere felles rutiner for saksbehandlingen.',
    budgetNok: 2_400_000,
    financing: [
      { source: 'member_contributions', amountNok: 1_200_000 },
      { source: 'digifin', amountNok: 800_000 },
    ],
    startDate: '2025-09-01',
    endDate: '2026-12-31',
    history: [
      created('2025-02-10', 'person-hanne-provemo'),
      moved('2025-03-18', 'person-sekretariat', 'proposed', 'under_consideration'),
      moved('2025-06-12', 'person-ola-demodal', 'under_consideration', 'rejected'),
    ],
    createdBy: 'person-hanne-provemo',
    createdAt: at('2025-02-10', '09:45'),
  }),
  trondelag({
    id: 'p-digitalt-planregister',
    title: 'Digitalt planregister i alle kommuner',
    summary:
      'Forslag om felles innføring av digitalt planregister og kartbasert planinnsyn i kommunene som ikke har dette i dag. Forslaget ble trukket da det regionale geodatasamarbeidet tilbød en felles løsning.',
    ownerOrganisationId: 'trondelag-fylkeskommune',
    projectLeadId: 'person-anne-demostad',
    participantOrganisationIds: ['trondelag-fylkeskommune', ...kommuner('5043', '5044', '5033', '5026', '5052', '5020')],
    area: 'plan/bygg/geodata',
    horizon: 'H1',
    status: 'withdrawn',
    phase: 'concept',
    mandate: 'Prosjektet skulle sikre at alle deltakende kommuner har et digitalt planregister i tråd med kravene i plan- og bygningsloven.',
    budgetNok: 1_100_000,
    financing: [
      { source: 'member_contributions', amountNok: 600_000 },
      { source: 'own_effort', amountNok: 300_000 },
    ],
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    history: [
      created('2024-06-03', 'person-anne-demostad'),
      moved('2024-08-20', 'person-sekretariat', 'proposed', 'under_consideration'),
      moved('2024-10-01', 'person-anne-demostad', 'under_consideration', 'withdrawn'),
    ],
    createdBy: 'person-anne-demostad',
    createdAt: at('2024-06-03', '08:00'),
  }),
  trondelag({
    id: 'p-ki-arkiv-saksbehandling',
    title: 'Kunstig intelligens i arkiv og saksbehandling',
    summary:
      'Utforske hvordan kunstig intelligens kan støtte journalføring, klassifisering og innsyn innenfor kravene i arkivloven og personvernregelverket. Arbeidet skal gi kommunene et felles kunnskapsgrunnlag før de tar i bruk slike verktøy.',
    ownerOrganisationId: kommune('5001'),
    projectLeadId: 'person-eli-fiktivdal',
    participantOrganisationIds: [...kommuner('5001', '5006', '5037', '5059', '5035'), 'trondelag-fylkeskommune'],
    area: 'arkivering',
    horizon: 'H3',
    status: 'proposed',
    phase: 'idea',
    mandate:
      'Utforskningen skal gjennomføre to avgrensede utprøvinger med testdata, vurdere de juridiske og etiske rammene og anbefale om og hvordan nettverket bør gå videre.',
    budgetNok: 750_000,
    financing: [
      { source: 'member_contributions', amountNok: 250_000 },
      { source: 'own_effort', amountNok: 250_000 },
    ],
    startDate: '2027-02-01',
    endDate: '2028-06-30',
    history: [created('2026-11-10', 'person-eli-fiktivdal')],
    createdBy: 'person-eli-fiktivdal',
    createdAt: at('2026-11-10', '15:05'),
  }),
  trondelag({
    id: 'p-logganalyse-hendelser',
    title: 'Felles logganalyse og hendelseshåndtering',
    summary:
      'Forslag om en felles tjeneste for innsamling og analyse av sikkerhetslogger og et felles team for håndtering av sikkerhetshendelser. Forslaget bygger videre på det felles informasjonssikkerhetsarbeidet.',
    ownerOrganisationId: kommune('5057'),
    projectLeadId: 'person-nils-demoberg',
    participantOrganisationIds: kommuner('5057', '5054', '5058', '5001', '5059', '5006', '5007', '5037', '5035', '5038', '5028', '5031', '5021', '5025'),
    area: 'informasjonssikkerhet',
    horizon: 'H2',
    status: 'under_consideration',
    phase: 'concept',
    mandate: 'Konseptfasen skal beskrive tjenesten, vurdere kjøp mot egen drift og foreslå en kostnadsfordeling mellom kommunene.',
    budgetNok: 3_200_000,
    financing: [
      { source: 'member_contributions', amountNok: 1_600_000 },
      { source: 'digifin', amountNok: 1_000_000, note: 'Søknad sendes i 2027-runden' },
    ],
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    history: [
      created('2026-08-19', 'person-nils-demoberg'),
      moved('2026-10-15', 'person-sekretariat', 'proposed', 'under_consideration'),
    ],
    createdBy: 'person-nils-demoberg',
    createdAt: at('2026-08-19', '09:30'),
  }),
  trondelag({
    id: 'p-digital-hjemmeoppfolging',
    title: 'Digital hjemmeoppfølging av kronisk syke',
    summary:
      'Innbyggere med kroniske sykdommer følges opp hjemme med måleutstyr og digital dialog med kommunens helsetjeneste. Prosjektet skal gi færre innleggelser og tryggere og mer selvstendige innbyggere.',
    ownerOrganisationId: kommune('5059'),
    projectLeadId: 'person-sigrid-fiktivlia',
    participantOrganisationIds: kommuner('5059', '5029', '5028', '5022', '5021', '5061', '5055', '5056', '5014'),
    area: 'eHelse',
    horizon: 'H1',
    status: 'active',
    phase: 'execution',
    mandate:
      'Prosjektet skal innføre digital hjemmeoppfølging i de deltakende kommunene med en felles tjenestemodell og felles leverandøravtale, og følge opp minst 150 pasienter innen utgangen av 2027.',
    budgetNok: 2_400_000,
    financing: [
      { source: 'skjonnsmidler', amountNok: 900_000, note: 'Skjønnsmidler fra Statsforvalteren i Trøndelag' },
      { source: 'member_contributions', amountNok: 900_000 },
      { source: 'own_effort', amountNok: 600_000 },
    ],
    startDate: '2025-08-01',
    endDate: '2027-12-31',
    statusReports: [
      report('p-digital-hjemmeoppfolging', '2026-02-20', 'person-sigrid-fiktivlia', [
        G('Tjenesten er i drift i fire kommuner.'),
        G('I rute.'),
        G('Innenfor rammen.'),
        G('Pasientene opplever tjenesten som trygg.'),
      ]),
      report('p-digital-hjemmeoppfolging', '2026-09-30', 'person-sigrid-fiktivlia', [
        G('Tjenesten er i drift i sju kommuner og følger 96 pasienter.'),
        G('I rute.'),
        G('Innenfor rammen.'),
        Y('Noen brukere har problemer med måleutstyret; leverandøren følger opp.'),
      ]),
    ],
    history: [
      created('2025-03-24', 'person-sigrid-fiktivlia'),
      moved('2025-04-22', 'person-sekretariat', 'proposed', 'under_consideration'),
      moved('2025-06-12', 'person-ola-demodal', 'under_consideration', 'approved'),
      moved('2025-08-01', 'person-sigrid-fiktivlia', 'approved', 'active'),
    ],
    createdBy: 'person-sigrid-fiktivlia',
    createdAt: at('2025-03-24', '10:10'),
  }),
  vestland({
    id: 'p-vl-informasjonstryggleik',
    title: 'Felles leiingssystem for informasjonstryggleik',
    summary:
      'Felles leiingssystem for informasjonstryggleik med malar for risikovurdering, rutinar for avvikshandtering og eit nettverk av tryggleikskoordinatorar i kommunane i Nordhordland.',
    ownerOrganisationId: kommune('4631'),
    projectLeadId: 'person-randi-testhamar',
    participantOrganisationIds: kommuner('4631', '4632', '4633', '4634', '4635', '4629', '4630'),
    area: 'informasjonssikkerhet',
    horizon: 'H1',
    status: 'active',
    phase: 'execution',
    mandate:
      'Prosjektet skal etablere eit felles leiingssystem som kommunane kan ta i bruk med lokale tilpassingar, og gjennomføre ei felles beredskapsøving kvart år.',
    budgetNok: 1_600_000,
    financing: [
      { source: 'member_contributions', amountNok: 900_000 },
      { source: 'own_effort', amountNok: 500_000 },
    ],
    startDate: '2025-01-15',
    endDate: '2026-12-31',
    statusReports: [
      report('p-vl-informasjonstryggleik', '2026-08-28', 'person-randi-testhamar', [
        G('Leiingssystemet er teke i bruk i fem av sju kommunar.'),
        G('I rute.'),
        G('Innanfor ramma.'),
        G('Tilbakemeldingane frå kommunane er gode.'),
      ]),
    ],
    history: [
      created('2024-10-01', 'person-randi-testhamar'),
      moved('2024-11-28', 'person-hakon-provenes', 'proposed', 'approved'),
      moved('2025-01-15', 'person-randi-testhamar', 'approved', 'active'),
    ],
    createdBy: 'person-randi-testhamar',
    createdAt: at('2024-10-01'),
  }),
  vestland({
    id: 'p-vl-digitalt-tilsyn',
    title: 'Digitalt tilsyn i heimetenesta',
    summary:
      'Felles innføring av digitalt tilsyn og sensorteknologi i heimetenesta, med felles responssenter for kommunane på Voss og i Hardanger.',
    ownerOrganisationId: kommune('4621'),
    projectLeadId: 'person-gunn-fiktivhaug',
    participantOrganisationIds: kommuner('4621', '4622', '4618', '4619', '4620', '4628'),
    area: 'velferdsteknologi',
    horizon: 'H1',
    status: 'approved',
    phase: 'planning',
    mandate:
      'Prosjektet skal planleggje og gjennomføre innføring av digitalt tilsyn i dei deltakande kommunane, og etablere felles rutinar for responssenter innan utgangen av 2027.',
    budgetNok: 2_200_000,
    financing: [
      { source: 'skjonnsmidler', amountNok: 700_000, note: 'Skjønsmidlar frå Statsforvaltaren i Vestland' },
      { source: 'member_contributions', amountNok: 1_000_000 },
      { source: 'own_effort', amountNok: 500_000 },
    ],
    startDate: '2026-09-01',
    endDate: '2027-12-31',
    statusReports: [
      report('p-vl-digitalt-tilsyn', '2026-10-30', 'person-gunn-fiktivhaug', [
        G('Prosjektplanen er ferdig, og leverandørdialogen er i gang.'),
        G('I rute.'),
        G('Innanfor ramma.'),
        G('Brukarrepresentantar er med i arbeidet.'),
      ]),
    ],
    history: [
      created('2026-03-09', 'person-gunn-fiktivhaug'),
      moved('2026-04-14', 'person-sekretariat-vestland', 'proposed', 'under_consideration'),
      moved('2026-06-11', 'person-hakon-provenes', 'under_consideration', 'approved'),
    ],
    createdBy: 'person-gunn-fiktivhaug',
    createdAt: at('2026-03-09', '10:00'),
  }),
  vestland({
    id: 'p-vl-digital-kompetanse',
    title: 'Digital kompetanseheving for tilsette',
    summary:
      'Opplæringsprogram i digitale arbeidsmåtar, informasjonstryggleik og bruk av fellesløysingar for tilsette i kommunane i Sogn og Sunnfjord. Programmet er gjennomført med e-læring og regionale samlingar.',
    ownerOrganisationId: kommune('4647'),
    projectLeadId: 'person-torbjorn-eksempelstad',
    participantOrganisationIds: kommuner('4647', '4640', '4645', '4646', '4648', '4638', '4637', '4636'),
    area: 'kompetansebygging',
    horizon: 'H1',
    status: 'completed',
    phase: 'realisation',
    mandate:
      'Prosjektet skal utvikle og gjennomføre eit opplæringsprogram for minst 500 tilsette, og gjere innhaldet tilgjengeleg for alle kommunane i Vestland.',
    budgetNok: 950_000,
    financing: [
      { source: 'skjonnsmidler', amountNok: 500_000, note: 'Skjønsmidlar frå Statsforvaltaren i Vestland' },
      { source: 'member_contributions', amountNok: 300_000 },
      { source: 'own_effort', amountNok: 150_000 },
    ],
    startDate: '2024-03-01',
    endDate: '2025-10-31',
    statusReports: [
      report('p-vl-digital-kompetanse', '2025-10-20', 'person-torbjorn-eksempelstad', [
        G('Programmet er avslutta med 640 deltakarar.'),
        G('Avslutta som planlagt.'),
        G('Innanfor ramma.'),
        G('E-læringa er gjord tilgjengeleg for alle kommunane i Vestland.'),
      ]),
    ],
    history: [
      created('2023-12-12', 'person-torbjorn-eksempelstad'),
      moved('2024-01-25', 'person-hakon-provenes', 'proposed', 'approved'),
      moved('2024-03-01', 'person-torbjorn-eksempelstad', 'approved', 'active'),
      moved('2025-10-31', 'person-torbjorn-eksempelstad', 'active', 'completed'),
    ],
    createdBy: 'person-torbjorn-eksempelstad',
    createdAt: at('2023-12-12', '12:30'),
  }),
  vestland({
    id: 'p-vl-barnevern',
    title: 'Nytt fagsystem for barnevern',
    summary:
      'Forslag om felles førebuing og innføring av nytt fagsystem for barnevern i kommunane rundt Bergen, i tråd med den nasjonale DigiBarnevern-satsinga.',
    ownerOrganisationId: kommune('4627'),
    projectLeadId: 'person-eirik-domedal',
    participantOrganisationIds: kommuner('4627', '4626', '4624', '4625', '4623', '4601'),
    area: 'felles fagsystem for barnevern',
    horizon: 'H2',
    status: 'under_consideration',
    phase: 'concept',
    mandate: 'Konseptfasen skal kartleggje dagens system og avtalar i kommunane og føreslå ein felles plan for overgangen.',
    budgetNok: 1_300_000,
    financing: [
      { source: 'member_contributions', amountNok: 600_000 },
      { source: 'own_effort', amountNok: 300_000 },
    ],
    startDate: '2027-01-01',
    endDate: '2028-06-30',
    history: [
      created('2026-06-02', 'person-eirik-domedal'),
      moved('2026-09-17', 'person-sekretariat-vestland', 'proposed', 'under_consideration'),
    ],
    createdBy: 'person-eirik-domedal',
    createdAt: at('2026-06-02', '08:50'),
  }),
];

const interest = (organisationId: string, personId: string, date: string) => ({ organisationId, personId, at: at(date, '12:00') });

const initiatives: In<typeof Initiative>[] = [
  {
    id: 'i-felles-kommunal-journal',
    networkId: TRONDELAG,
    title: 'Felles kommunal journal',
    description:
      'Nasjonal satsing på en felles journalløsning for den kommunale helse- og omsorgstjenesten. Ressursgruppen følger arbeidet for å vurdere hva det betyr for kommunenes egne anskaffelser.',
    level: 'national',
    sourceName: 'KS',
    area: 'eHelse',
    horizon: 'H3',
    tags: ['journal', 'helse og omsorg'],
    status: 'open',
    interest: [interest(kommune('5007'), 'person-per-testmo', '2026-03-02'), interest(kommune('5054'), 'person-jon-testvik', '2026-03-05')],
    createdBy: 'person-tor-eksempelmo',
    createdAt: at('2026-02-18', '10:00'),
    example: true,
  },
  {
    id: 'i-digibarnevern',
    networkId: TRONDELAG,
    title: 'DigiBarnevern – nytt nasjonalt fagsystem for barnevern',
    description:
      'Nasjonalt program for nytt fagsystem for barnevern. Kommunene i Innherred og Værnesregionen ønsker å forberede overgangen sammen.',
    level: 'national',
    sourceName: 'KS',
    area: 'felles fagsystem for barnevern',
    horizon: 'H1',
    tags: ['barnevern', 'fagsystem'],
    status: 'proposed',
    interest: [
      interest(kommune('5037'), 'person-hanne-provemo', '2025-02-24'),
      interest(kommune('5006'), 'person-tor-eksempelmo', '2025-03-01'),
    ],
    projectId: 'p-barnevern',
    createdBy: 'person-hanne-provemo',
    createdAt: at('2025-02-20', '09:00'),
    example: true,
  },
  {
    id: 'i-kartportal-fosen',
    networkId: TRONDELAG,
    title: 'Felles kartportal for Fosen',
    description:
      'Fosen-kommunene samarbeider om en felles kartportal med plandata, eiendomsinformasjon og turkart. Andre kommuner kan gjenbruke oppsettet.',
    level: 'regional',
    sourceOrganisationId: kommune('5054'),
    sourceName: 'Fosen-samarbeidet',
    area: 'plan/bygg/geodata',
    horizon: 'H1',
    tags: ['kart', 'geodata'],
    status: 'open',
    interest: [interest(kommune('5057'), 'person-nils-demoberg', '2026-06-10')],
    createdBy: 'person-jon-testvik',
    createdAt: at('2026-06-03', '13:00'),
    example: true,
  },
  {
    id: 'i-digi-vestland-informasjonstryggleik',
    networkId: TRONDELAG,
    title: 'Leiingssystem for informasjonstryggleik i Nordhordland',
    description:
      'Digi Vestland har etablert et felles styringssystem for informasjonssikkerhet i Nordhordland. Ørland vurderer å gjenbruke malene i det felles informasjonssikkerhetsarbeidet.',
    level: 'other_network',
    sourceName: 'Digi Vestland',
    area: 'informasjonssikkerhet',
    horizon: 'H1',
    tags: ['informasjonssikkerhet', 'gjenbruk'],
    status: 'open',
    interest: [interest(kommune('5057'), 'person-nils-demoberg', '2026-09-01')],
    createdBy: 'person-nils-demoberg',
    createdAt: at('2026-08-27', '11:00'),
    example: true,
  },
  {
    id: 'i-vl-heimeoppfolging-bergen',
    networkId: VESTLAND,
    title: 'Digital heimeoppfølging i Bergen',
    description:
      'Bergen kommune har teke i bruk digital heimeoppfølging for innbyggjarar med kroniske sjukdomar. Kommunane rundt Bergen vil sjå om dei kan bruke same tenestemodell.',
    level: 'municipal',
    sourceOrganisationId: kommune('4601'),
    area: 'eHelse',
    horizon: 'H1',
    tags: ['heimeoppfølging'],
    status: 'open',
    interest: [interest(kommune('4627'), 'person-eirik-domedal', '2026-05-04')],
    createdBy: 'person-sekretariat-vestland',
    createdAt: at('2026-04-28', '09:00'),
    example: true,
  },
];

const decisions: In<typeof Decision>[] = [
  {
    id: 'd-ps-digitrondelag-2025-4',
    networkId: TRONDELAG,
    bodyId: 'ps-digitrondelag',
    caseNumber: 'PS 4/2025',
    date: '2025-06-12',
    question: 'Skal programstyret godkjenne mandat, budsjett og finansieringsplan for «Digital byggesaksbehandling»?',
    method: 'leader',
    outcome: 'rejected',
    statement:
      'Konsensus ble ikke oppnådd fordi Steinkjer blokkerte forslaget. Leder avviser forslaget og ber ressursgruppen vurdere saken på nytt når de nasjonale løsningene for byggesak er avklart.',
    dissent: [{ personId: 'person-ingrid-provestad', reason: 'Blokkerer: vi bør avvente de nasjonale løsningene før vi binder oss til en felles anskaffelse.' }],
    projectId: 'p-digital-byggesak',
    decidedBy: 'person-ola-demodal',
  },
  {
    id: 'd-ps-digitrondelag-2025-7',
    networkId: TRONDELAG,
    bodyId: 'ps-digitrondelag',
    caseNumber: 'PS 7/2025',
    date: '2025-11-20',
    question: 'Skal programstyret godkjenne mandat, budsjett og finansieringsplan for «Felles fagsystem for barnevern»?',
    method: 'consensus',
    outcome: 'approved',
    statement:
      'Programstyret godkjenner mandatet, et budsjett på 3,5 millioner kroner og finansieringsplanen. Første pulje starter når tilsagnet fra DigiFin foreligger.',
    abstentions: 1,
    projectId: 'p-barnevern',
    decidedBy: 'person-ola-demodal',
  },
  {
    id: 'd-ps-digitrondelag-2026-2',
    networkId: TRONDELAG,
    bodyId: 'ps-digitrondelag',
    caseNumber: 'PS 2/2026',
    date: '2026-05-20',
    question: 'Skal «Velferdsteknologi i hjemmetjenesten» settes på vent til en ny avtale om responssenter er på plass?',
    method: 'consensus',
    outcome: 'approved',
    statement: 'Prosjektet settes på vent. Prosjekteier legger fram en plan for videreføring når den nye anskaffelsen er gjennomført.',
    projectId: 'p-velferdsteknologi-hjemmetjenesten',
    decidedBy: 'person-ola-demodal',
  },
];

/** Every municipality in the CSV becomes an organisation of the network of its county. */
function municipalityOrganisations(csvText: string): In<typeof Organisation>[] {
  return parseMunicipalities(csvText).map((m) => {
    const networkId = NETWORK_BY_COUNTY[m.county];
    if (!networkId) throw new Error(`no demo network for county ${m.county} (${m.kommunenummer} ${m.name})`);
    return { id: kommune(m.kommunenummer), networkId, name: m.name, kind: 'kommune', kommunenummer: m.kommunenummer };
  });
}

/** The CSV decides which municipalities exist, so check that the hand-written data only names those. */
function assertOrganisationsResolve(portfolio: Portfolio): void {
  const known = new Set(portfolio.organisations.map((o) => o.id));
  const named = [
    ...portfolio.people.map((p) => p.organisationId),
    ...portfolio.bodies.flatMap((b) => b.members.map((m) => m.organisationId)),
    ...portfolio.projects.flatMap((p) => [p.ownerOrganisationId, ...p.participantOrganisationIds]),
    ...portfolio.initiatives.flatMap((i) => [i.sourceOrganisationId, ...i.interest.map((x) => x.organisationId)]),
  ];
  const missing = [...new Set(named.filter((id): id is string => id !== undefined && !known.has(id)))];
  if (missing.length > 0) throw new Error(`demo data names organisations missing from the CSV: ${missing.join(', ')}`);
}

export function buildDemoPortfolio(csvText: string): Portfolio {
  const portfolio = Portfolio.parse({
    schemaVersion: SCHEMA_VERSION,
    networks,
    organisations: [...municipalityOrganisations(csvText), ...regionalOrganisations],
    people,
    bodies,
    initiatives,
    projects,
    polls: [],
    votes: [],
    decisions,
    conversations: [],
  });
  assertOrganisationsResolve(portfolio);
  return portfolio;
}
