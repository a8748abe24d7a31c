import { createApp, type AppDeps } from '../../src/app';
import { PortfolioLookup } from '../../src/domain/lookup';
import type { Permission } from '../../src/domain/people';
import type { Portfolio } from '../../src/domain/schema';
import { demoPortfolio } from '../../src/flokk';
import { messages } from '../../src/i18n';
import type { Logger } from '../../src/log';
import { MemoryStore } from '../../src/store/memory-store';
import { parseCommand } from '../../src/teams/commands/parse';
import type { OutboundMessage } from '../../src/teams/effects';
import { Exports } from '../../src/teams/exports';
import { anyone, needs, needsOn, type Access } from '../../src/teams/route';
import { INTENTS, type Intent } from '../../src/teams/routes';
import { message, SECRETARIAT, type User, type Where } from '../fixtures/activities';
import { withPerson } from './reply-reading';
import { VOTE_SECRET } from './turn-builder';

/**
 * Who may use each chat intent, written out once more so that a route cannot lose its permission
 * silently. A guarded intent names the act its refusal sentence speaks of, in bokmål and English,
 * so the table, the permission and the sentence the user is shown are checked against each other.
 */
const EXPECTED: Record<Intent, { access: Access; act?: { nb: RegExp; en: RegExp } }> = {
  help: { access: anyone },
  greeting: { access: anyone },
  bodyMembers: { access: anyone },
  whoOwns: { access: anyone },
  whoLeads: { access: anyone },
  projectStatus: { access: anyone },
  openPolls: { access: anyone },
  organisationProjects: { access: anyone },
  portfolio: { access: anyone },
  shareInitiative: { access: needs('initiative.share'), act: { nb: /kan dele initiativ/, en: /can share initiatives/ } },
  initiatives: { access: anyone },
  proposeProject: { access: needs('project.propose'), act: { nb: /kan foreslå prosjekter/, en: /can propose projects/ } },
  /** Checked by the handler once it has found the project. */
  statusReport: { access: needsOn('project.report'), act: { nb: /kan levere statusrapport/, en: /can file a status report/ } },
  roles: { access: needs('roles.manage'), act: { nb: /kan endre roller/, en: /can change roles/ } },
  audit: { access: needs('audit.read'), act: { nb: /kan lese revisjonsloggen/, en: /can read the audit log/ } },
  /** Who sits on each body is no secret; the card's forms are the secretariat's, checked on each press. */
  bodies: { access: anyone },
  membershipRequests: { access: needs('membership.confirm'), act: { nb: /kan godkjenne hvem som representerer/, en: /can confirm who represents/ } },
  openPoll: { access: needs('poll.open'), act: { nb: /kan starte en avstemning/, en: /can open a poll/ } },
  decisions: { access: anyone },
  minutes: { access: anyone },
  announceHere: { access: needs('channel.announce'), act: { nb: /kan velge kunngjøringskanal/, en: /can choose the announcement channel/ } },
  project: { access: anyone },
  freeText: { access: anyone },
};

const permissionOf = (access: Access): Permission | undefined => ('permission' in access ? access.permission : undefined);
const guarded = (Object.keys(EXPECTED) as Intent[]).filter((k) => permissionOf(EXPECTED[k].access));

describe('INTENTS access', () => {
  it('has exactly the intents listed here', () => {
    expect(Object.keys(INTENTS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED) as Intent[])('%s has the access it should', (intent) => {
    expect(INTENTS[intent].access).toEqual(EXPECTED[intent].access);
  });

  it.each(guarded)('%s: its permission has a refusal sentence in every language, about this act', (intent) => {
    const permission = permissionOf(INTENTS[intent].access)!;
    const { act } = EXPECTED[intent];
    for (const locale of ['nb', 'nn', 'en'] as const) expect(messages(locale).denied[permission]?.trim()).toBeTruthy();
    expect(messages('nb').denied[permission]).toMatch(act!.nb);
    expect(messages('en').denied[permission]).toMatch(act!.en);
  });

  it('leaves every lookup open to anyone', () => {
    const lookups: Intent[] = ['help', 'whoOwns', 'organisationProjects', 'portfolio', 'initiatives', 'bodies', 'decisions', 'minutes', 'project', 'freeText'];
    for (const intent of lookups) expect({ intent, access: INTENTS[intent].access }).toEqual({ intent, access: anyone });
  });
});

/** What a guarded intent is typed as, and where; each is checked to reach that intent first. */
const TYPED: Partial<Record<Intent, { text: string; where?: Where }>> = {
  shareInitiative: { text: 'del initiativ Felles kommunal journal' },
  proposeProject: { text: 'foreslå prosjekt Felles KI-plattform' },
  statusReport: { text: 'statusrapport barnevern' },
  roles: { text: 'roller' },
  audit: { text: 'revisjonslogg' },
  membershipRequests: { text: 'forespørsler' },
  openPoll: { text: 'avstemning om depotløsning' },
  announceHere: { text: 'kunngjøringer her', where: 'channel' },
};

/** Registered with a member organisation (Selbu), but holding no role. */
const NEWCOMER: User = { id: '29:nora', name: 'Nora Nykommer', aadObjectId: '00000000-0000-4000-8000-0000000000aa' };
const portfolio: Portfolio = withPerson(demoPortfolio(), { id: 'person-nora', networkId: 'digitrondelag', name: NEWCOMER.name, aadObjectId: NEWCOMER.aadObjectId, organisationId: 'kommune-5032', roles: [] });

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The real turn steps of app.ts, with no HTTP and no SDK: what one chat message makes Flokk send. */
async function sendAs(from: User, text: string, where: Where = 'personal'): Promise<{ sent: OutboundMessage[]; store: MemoryStore }> {
  const store = new MemoryStore(portfolio);
  const deps: AppDeps = {
    store,
    lookup: new PortfolioLookup(),
    clock: () => new Date('2026-12-03T12:00:00Z'),
    newId: (prefix) => `${prefix}-1`,
    audit: { recent: async () => [] },
    log: quiet,
    exports: new Exports(() => 'https://flokk.example'),
    outbox: { announce: () => {}, post: async () => undefined, update: async () => {}, idle: async () => {} },
    invokeBudgetMs: 3500,
    config: { localMode: true, defaultLocale: 'nb', defaultNetworkId: 'digitrondelag', bootstrapAdmins: [], voteSecret: VOTE_SECRET, credentials: undefined },
  };
  const sent: OutboundMessage[] = [];
  const activity = message(text, { serviceUrl: 'https://smba.example.invalid/', from, where });
  await createApp(deps).message({ activity, send: async (m) => void sent.push(m), replaceShared: async () => {}, roster: async () => [] });
  return { sent, store };
}

describe('INTENTS access, as app.ts applies it', () => {
  it('types each guarded intent the way the test below sends it', () => {
    expect(Object.keys(TYPED).sort()).toEqual([...guarded].sort());
    for (const [intent, { text }] of Object.entries(TYPED)) expect({ text, kind: parseCommand(text).kind }).toEqual({ text, kind: intent });
  });

  it.each(guarded)('%s refuses someone without the permission, with its sentence, and changes nothing', async (intent) => {
    const { text, where } = TYPED[intent]!;
    const { sent, store } = await sendAs(NEWCOMER, text, where);
    expect(sent).toEqual([{ text: messages('nb').denied[permissionOf(INTENTS[intent].access)!] }]);
    expect(store.read()).toBe(portfolio);
  });

  it.each(guarded)('%s answers the secretariat with something other than a refusal', async (intent) => {
    const { text, where } = TYPED[intent]!;
    const { sent } = await sendAs(SECRETARIAT, text, where);
    const denials = Object.values(messages('nb').denied);
    expect(sent).toHaveLength(1);
    expect(denials).not.toContain(sent[0]!.text);
    expect(Object.values(messages('nb').errors)).not.toContain(sent[0]!.text);
  });
});
