import { readFile } from 'node:fs/promises';
import { VERB, type Verb } from '../../src/cards/actions';
import { voterKeyFor } from '../../src/domain/polls';
import type { Portfolio } from '../../src/domain/schema';
import type { Logger } from '../../src/log';
import { MAX_BODY_BYTES } from '../../src/server';
import { BOARD_LEADER, demoUser, HANNE, installed, NILS, SECRETARIAT, type User } from '../fixtures/activities';
import { encode, hostileCases, LEAK, type HostileCase, type HostileContext } from '../fixtures/hostile';
import { startTestBot, type TestBot } from './harness';

/**
 * The fault and abuse suite: thousands of malformed and hostile activities through the real
 * endpoint, and forged card data for every verb. Flokk must stay up, answer no 5xx, write
 * nothing for strangers, leak nothing, and attribute every action to the real sender.
 */
const SEED = Number(process.env.FLOKK_ABUSE_SEED ?? 0x5eed_f10c);
const COUNT = Number(process.env.FLOKK_ABUSE_COUNT ?? 10_000);
const CONCURRENCY = 10;
const BATCH = 500;
const T0 = new Date('2026-12-01T09:00:00Z');

// NOTE: Jest gives each test file its own copy of `process` (even `getBuiltinModule` hands out the
// copy), whose listeners never hear the real process's faults. `setTimeout` comes from the outer
// realm, so a function built by its constructor sees the real `process`.
const realProcess = (setTimeout as unknown as { constructor: FunctionConstructor }).constructor('return process')() as NodeJS.Process;
const faults: Array<{ event: string; error: unknown }> = [];
const onRejection = (error: unknown) => faults.push({ event: 'unhandledRejection', error });
const onException = (error: unknown) => faults.push({ event: 'uncaughtException', error });
beforeAll(() => {
  realProcess.on('unhandledRejection', onRejection);
  realProcess.on('uncaughtException', onException);
});
afterAll(() => {
  realProcess.off('unhandledRejection', onRejection);
  realProcess.off('uncaughtException', onException);
});

/** Errors Flokk logs: hostile input must be refused by a parse layer, never reach an unexpected error. */
function recordingLogger(): Logger & { errors: Array<{ msg: string; fields?: Record<string, unknown> }> } {
  const errors: Array<{ msg: string; fields?: Record<string, unknown> }> = [];
  return { errors, debug() {}, info() {}, warn() {}, error: (msg, fields) => void errors.push({ msg, fields }) };
}

const pressAs = async (bot: TestBot, verb: string, data: Record<string, unknown>, from: User, extra: Record<string, unknown> = {}) => {
  const res = await bot.press(verb, data, { from, where: 'channel', ...extra });
  expect(res.status).toBe(200);
  return res.body as { type: string; value: any };
};

const pollForm = (fields: Record<string, unknown>) => ({ kind: 'consensus', question: 'Skal vi?', deadlineDate: '2026-12-08', deadlineTime: '12:00', ...fields });
const BOARD = [demoUser('03', 'Ingrid Prøvestad'), demoUser('04', 'Per Testmo'), demoUser('05', 'Sigrid Fiktivlia'), demoUser('06', 'Lars Oppdiktsen')];

async function openPoll(bot: TestBot, fields: Record<string, unknown>, replyToId: string): Promise<string> {
  await pressAs(bot, VERB.pollOpen, pollForm(fields), SECRETARIAT, { replyToId });
  return bot.flokk.store.read().polls.find((x) => x.cardActivityId === replyToId)!.id;
}

/** A poll whose consensus failed, waiting for the board leader: block, agree, close. */
async function pollAwaitingLeader(bot: TestBot, projectId: string, replyToId: string): Promise<string> {
  const pollId = await openPoll(bot, { projectId }, replyToId);
  await pressAs(bot, VERB.pollVote, { pollId, stance: 'block', reason: 'Ikke vurdert' }, BOARD[0]!);
  for (const member of BOARD.slice(1)) await pressAs(bot, VERB.pollVote, { pollId, stance: 'agree' }, member);
  await pressAs(bot, VERB.pollClose, { pollId }, SECRETARIAT);
  return pollId;
}

async function pool<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < items.length) await run(items[next++]!); }));
}

describe('hostile traffic', () => {
  let bot: TestBot;
  const log = recordingLogger();
  let ctx: HostileContext;

  beforeAll(async () => {
    bot = await startTestBot({}, { log, clock: () => T0 });
    // Before the snapshot: the conversations installs may name, and polls in every state to aim at.
    for (const where of ['personal', 'groupChat', 'channel'] as const) await bot.post(installed({ serviceUrl: bot.connector.serviceUrl, where, conversationId: where === 'channel' ? undefined : `abuse-${where}` }));
    await openPoll(bot, { projectId: 'p-depot-digitalt-arkiv' }, 'abuse-open');
    await openPoll(bot, { anonymous: 'true' }, 'abuse-anonymous');
    await pollAwaitingLeader(bot, 'p-logganalyse-hendelser', 'abuse-awaiting');
    await bot.flokk.outbox.idle();
    await bot.flokk.store.flush();
    const p = bot.flokk.store.read();
    const network = 'digitrondelag';
    ctx = {
      serviceUrl: bot.connector.serviceUrl,
      projectIds: p.projects.map((x) => x.id),
      initiativeIds: p.initiatives.map((x) => x.id),
      pollIds: p.polls.map((x) => x.id),
      decisionIds: p.decisions.map((x) => x.id),
      personIds: p.people.map((x) => x.id),
      aadObjectIds: p.people.filter((x) => x.networkId === network).flatMap((x) => x.aadObjectId ?? []),
      memberOrganisationIds: p.organisations.filter((o) => o.networkId === network).map((o) => o.id),
      foreignOrganisationIds: p.organisations.filter((o) => o.networkId !== network).map((o) => o.id),
      foreignAadObjectIds: p.people.filter((x) => x.networkId !== network).flatMap((x) => x.aadObjectId ?? []),
      installed: p.conversations.map((c) => ({ where: c.kind, conversationId: c.ref.conversationId })),
    };
    expect(ctx.installed).toHaveLength(3);
    bot.connector.take();
  });
  afterAll(() => bot.stop());

  it('hears an unhandled rejection on the real process (so the check below means something)', async () => {
    expect(realProcess).not.toBe(process);
    const canary = Promise.reject(new Error('canary'));
    await new Promise((r) => setTimeout(r, 10));
    canary.catch(() => undefined); // handled after all, so that Jest does not count it against this test
    await new Promise((r) => setTimeout(r, 10));
    expect(faults.map((f) => (f.error as Error).message)).toEqual(['canary']);
    faults.length = 0;
  });

  it(`survives ${COUNT} malformed and hostile activities: up, no 5xx, nothing written, nothing leaked`, async () => {
    console.log(`abuse suite: seed ${SEED} (replay with FLOKK_ABUSE_SEED=${SEED}), ${COUNT} activities`);
    const started = Date.now();
    const fileBefore = await readFile(bot.config.dataFile);
    const stateBefore = JSON.stringify(bot.flokk.store.read());
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const cases = [...hostileCases(SEED, COUNT, ctx)];
    // NOTE: generating the cases holds the event loop for seconds on a busy machine; the server may
    // close idle keep-alive sockets meanwhile. Let the client see those closes before reusing a socket.
    await new Promise((r) => setTimeout(r, 200));
    // The generator's promise that makes "nothing written" the right check: no sender is a member.
    const members = new Set(ctx.aadObjectIds);
    expect(cases.filter((c) => members.has((c.body as { from?: { aadObjectId?: string } } | null)?.from?.aadObjectId ?? '')).map((c) => c.n)).toEqual([]);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const url = `${bot.flokk.url}/api/messages`;

    const send = async (c: HostileCase) => {
      const { body, contentType } = encode(c.body);
      const expected = c.status ?? (Buffer.byteLength(body) > MAX_BODY_BYTES ? 413 : undefined);
      let status: number;
      let text: string;
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body, signal: AbortSignal.timeout(15_000) });
        status = res.status;
        text = await res.text();
      } catch (error) {
        problems.push(`#${c.n} ${c.kind}: request failed: ${(error as Error).message}`);
        return;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500 || (expected !== undefined && status !== expected)) problems.push(`#${c.n} ${c.kind}: ${status}${expected ? ` (expected ${expected})` : ''} ${text.slice(0, 200)}`);
      if (LEAK.test(text)) problems.push(`#${c.n} ${c.kind}: response leaks internals: ${text.slice(0, 300)}`);
    };

    for (let i = 0; i < cases.length; i += BATCH) {
      await pool(cases.slice(i, i + BATCH), CONCURRENCY, send);
      const health = await fetch(`${bot.flokk.url}/healthz`);
      if (health.status !== 200) problems.push(`after #${i + BATCH}: /healthz ${health.status}`);
    }
    await bot.flokk.outbox.idle();
    await bot.flokk.store.flush();

    const leaks = bot.connector.received.filter((r) => LEAK.test(JSON.stringify(r.activity)));
    const elapsed = Date.now() - started;
    const errorLogs = new Map<string, number>();
    for (const e of log.errors) {
      const key = `${e.msg}: ${(e.fields?.error as Error | undefined)?.message ?? ''}`.slice(0, 160);
      errorLogs.set(key, (errorLogs.get(key) ?? 0) + 1);
    }
    console.log(
      `abuse suite: ${COUNT} activities in ${(elapsed / 1000).toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `${bot.connector.received.length} sends to the connector; logged errors ${JSON.stringify(Object.fromEntries(errorLogs))}`,
    );

    // Not vacuous: a good part got past the gate and was answered, in chat too.
    expect(statuses.get(200)).toBeGreaterThan(COUNT / 4);
    expect(bot.connector.received.length).toBeGreaterThan(COUNT / 50);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(Object.fromEntries(errorLogs)).toEqual({});
    expect(leaks.slice(0, 3).map((r) => JSON.stringify(r.activity).slice(0, 500))).toEqual([]);
    expect(faults.map((f) => `${f.event}: ${String((f.error as Error)?.stack ?? f.error)}`)).toEqual([]);
    expect(JSON.stringify(bot.flokk.store.read())).toBe(stateBefore);
    expect((await readFile(bot.config.dataFile)).equals(fileBefore)).toBe(true);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.isAdmin, probe.roles]).toEqual([undefined, undefined, undefined]);
    expect((await fetch(`${bot.flokk.url}/healthz`)).status).toBe(200);
  }, 120_000);
});

/**
 * Card data naming someone else: who acted always comes from the activity. The forged values
 * name a real person and organisation of another network, and a few markers; after each press
 * none of them may appear more often in the portfolio than before.
 */
describe('forged card data, verb by verb', () => {
  const VICTIM = { personId: 'person-sekretariat-vestland', aadObjectId: '00000000-0000-4000-8000-000000000014', organisationId: 'kommune-4601' };
  const FORGED = {
    personId: VICTIM.personId,
    aadObjectId: VICTIM.aadObjectId,
    organisationId: VICTIM.organisationId,
    createdBy: VICTIM.personId,
    voterKey: 'forged-voter-key',
    decidedBy: VICTIM.personId,
    by: VICTIM.personId,
    reportedBy: VICTIM.personId,
    networkId: 'digi-vestland',
    tenantId: 'forged-tenant',
  };
  const MARKERS = [VICTIM.personId, VICTIM.aadObjectId, VICTIM.organisationId, 'forged-voter-key', 'forged-tenant', '29:forged', 'Forged Name', 'digi-vestland'];
  /** Forms take only text, numbers and booleans beside their fields; other verbs get a whole forged sender too. */
  const FORM_VERBS: readonly string[] = [VERB.initiativeShare, VERB.projectPropose, VERB.projectReport, VERB.pollOpen];
  const forgedFor = (verb: string) => ({ ...FORGED, from: FORM_VERBS.includes(verb) ? '29:forged' : { id: '29:forged', name: 'Forged Name', aadObjectId: VICTIM.aadObjectId } });
  const count = (p: Portfolio) => {
    const json = JSON.stringify(p);
    return Object.fromEntries(MARKERS.map((m) => [m, json.split(m).length - 1]));
  };

  const NEWCOMER: User = { id: '29:newcomer', name: 'Nina Nykommer', aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000001' };
  const CLIMBER: User = { id: '29:climber', name: 'Kari Klatre', aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000002' };
  const report = { overall: 'yellow', overallComment: 'Forsinket', time: 'red', budget: 'green', quality: 'green' };
  const initiative = { title: 'Felles chatbot for innbyggere', description: 'Vi vil lage en felles chatbot.', level: 'regional', sourceName: 'KS', area: 'eHelse', horizon: 'H2', link: 'https://www.ks.no/', tags: 'chat' };
  const proposal = { title: 'Felles chatbot', summary: 'Chatbot.', ownerOrganisationId: 'kommune-5057', participantOrganisationIds: 'kommune-5037', area: 'eHelse', horizon: 'H2', budgetNok: '100000', startDate: '2027-01-01', endDate: '2027-12-31' };

  type Check = (after: Portfolio, answer: any) => void;
  interface Row {
    verb: Verb;
    as: User;
    data: () => Record<string, unknown>;
    /** False for a read or a refusal: the portfolio must stay the very same. */
    writes: boolean;
    /** What the change (or the answer) must be attributed to. */
    check?: Check;
  }

  let bot: TestBot;
  const ids = { open: '', anonymous: '', awaiting: '' };
  const person = (p: Portfolio, u: User) => p.people.find((x) => x.aadObjectId === u.aadObjectId)!;

  const rows: Row[] = [
    { verb: VERB.projectShow, as: NILS, data: () => ({ projectId: 'p-barnevern' }), writes: false },
    { verb: VERB.portfolioPage, as: NILS, data: () => ({ page: 1, owner: 'Levanger' }), writes: false },
    {
      verb: VERB.memberRegister, as: NEWCOMER, data: () => ({ organisationId: 'kommune-5036' }),
      writes: true,
      // A choice of organisation is a request for the secretariat, not the organisation itself.
      check: (p) => {
        expect(person(p, NEWCOMER)).toMatchObject({ aadObjectId: NEWCOMER.aadObjectId, name: NEWCOMER.name, requestedOrganisationId: 'kommune-5036', roles: [] });
        expect(person(p, NEWCOMER)).not.toHaveProperty('organisationId');
      },
    },
    { verb: VERB.memberRegister, as: NILS, data: () => ({ organisationId: 'kommune-5001' }), writes: false },
    {
      verb: VERB.memberRegister, as: CLIMBER, data: () => ({ organisationId: 'kommune-5036', resume: { verb: VERB.rolesSet, data: { ...FORGED, personId: 'person-nils-demoberg', roles: 'admin,secretariat' } } }),
      writes: true,
      check: (p) => {
        expect(person(p, CLIMBER).roles).toEqual([]);
        expect(person(p, NILS).roles).toEqual(['resource_group', 'project_lead']);
      },
    },
    {
      verb: VERB.initiativeShare, as: NILS, data: () => initiative,
      writes: true,
      check: (p) => expect(p.initiatives.find((i) => i.title === initiative.title)).toMatchObject({ createdBy: 'person-nils-demoberg' }),
    },
    { verb: VERB.initiativeShow, as: NILS, data: () => ({ initiativeId: 'i-digibarnevern' }), writes: false },
    {
      verb: VERB.initiativeInterest, as: NILS, data: () => ({ initiativeId: 'i-digibarnevern' }),
      writes: true,
      check: (p) => expect(p.initiatives.find((i) => i.id === 'i-digibarnevern')!.interest.find((m) => m.personId === 'person-nils-demoberg')).toMatchObject({ organisationId: 'kommune-5057', personId: 'person-nils-demoberg' }),
    },
    {
      verb: VERB.initiativePropose, as: NILS, data: () => ({ initiativeId: 'i-digibarnevern' }),
      writes: false,
      check: (_p, answer) => expect(JSON.stringify(answer.value)).not.toContain(VICTIM.organisationId),
    },
    {
      verb: VERB.projectPropose, as: NILS, data: () => proposal,
      writes: true,
      check: (p) => {
        const project = p.projects.find((x) => x.title === proposal.title)!;
        expect(project).toMatchObject({ createdBy: 'person-nils-demoberg', ownerOrganisationId: 'kommune-5057' });
        expect(project.history.map((h) => h.by)).toEqual(['person-nils-demoberg']);
      },
    },
    { verb: VERB.projectTransition, as: NILS, data: () => ({ projectId: 'p-samhandling-helseforetak', transition: 'submit' }), writes: false },
    {
      verb: VERB.projectTransition, as: HANNE, data: () => ({ projectId: 'p-barnevern', transition: 'start' }),
      writes: true,
      check: (p) => expect(p.projects.find((x) => x.id === 'p-barnevern')!.history.at(-1)).toMatchObject({ by: 'person-hanne-provemo', to: 'active' }),
    },
    {
      verb: VERB.projectPhase, as: HANNE, data: () => ({ projectId: 'p-barnevern', phase: 'execution' }),
      writes: true,
      check: (p) => expect(p.projects.find((x) => x.id === 'p-barnevern')!.history.at(-1)).toMatchObject({ by: 'person-hanne-provemo', change: 'phase' }),
    },
    { verb: VERB.projectReportForm, as: NILS, data: () => ({ projectId: 'p-barnevern', organisationId: 'kommune-5037' }), writes: false },
    { verb: VERB.projectReport, as: NILS, data: () => ({ projectId: 'p-barnevern', ...report, organisationId: 'kommune-5037' }), writes: false },
    {
      verb: VERB.projectReport, as: HANNE, data: () => ({ projectId: 'p-barnevern', ...report }),
      writes: true,
      check: (p) => expect(p.projects.find((x) => x.id === 'p-barnevern')!.statusReports.at(-1)).toMatchObject({ reportedBy: 'person-hanne-provemo' }),
    },
    { verb: VERB.rolesShow, as: NILS, data: () => ({ personId: 'person-nils-demoberg' }), writes: false },
    { verb: VERB.rolesSet, as: NILS, data: () => ({ personId: 'person-nils-demoberg', roles: 'admin,secretariat', aadObjectId: SECRETARIAT.aadObjectId }), writes: false },
    { verb: VERB.areasShow, as: NILS, data: () => ({ aadObjectId: SECRETARIAT.aadObjectId }), writes: false },
    { verb: VERB.areasSet, as: NILS, data: () => ({ areas: 'forfalsket', aadObjectId: SECRETARIAT.aadObjectId, networkId: 'digi-vestland' }), writes: false },
    {
      verb: VERB.areasSet, as: SECRETARIAT, data: () => ({ areas: 'arkivering\nvelferdsteknologi', networkId: 'digi-vestland' }),
      writes: true,
      // The network is the presser's own, whatever the card says.
      check: (p) => {
        expect(p.networks.find((n) => n.id === 'digitrondelag')!.areas).toEqual(['arkivering', 'velferdsteknologi']);
        expect(p.networks.find((n) => n.id === 'digi-vestland')!.areas).not.toEqual(['arkivering', 'velferdsteknologi']);
      },
    },
    { verb: VERB.pollOpen, as: NILS, data: () => pollForm({ createdBy: 'person-sekretariat' }), writes: false },
    {
      verb: VERB.pollOpen, as: SECRETARIAT, data: () => pollForm({ question: 'Forfalsket?' }),
      writes: true,
      check: (p) => expect(p.polls.find((x) => x.question === 'Forfalsket?')).toMatchObject({ createdBy: 'person-sekretariat' }),
    },
    {
      verb: VERB.pollVote, as: BOARD[0]!, data: () => ({ pollId: ids.anonymous, stance: 'agree' }),
      writes: true,
      check: (p) => {
        const poll = p.polls.find((x) => x.id === ids.anonymous)!;
        expect(p.votes.filter((v) => v.pollId === poll.id).map((v) => v.voterKey)).toEqual([voterKeyFor(poll, 'person-ingrid-provestad', bot.config.voteSecret)]);
      },
    },
    { verb: VERB.pollVote, as: NILS, data: () => ({ pollId: ids.open, stance: 'agree', personId: 'person-ingrid-provestad' }), writes: false },
    { verb: VERB.pollRefresh, as: NILS, data: () => ({ pollId: ids.open }), writes: false },
    { verb: VERB.pollClose, as: NILS, data: () => ({ pollId: ids.open }), writes: false },
    { verb: VERB.pollExtend, as: NILS, data: () => ({ pollId: ids.open, deadlineDate: '2026-12-20', deadlineTime: '12:00' }), writes: false },
    { verb: VERB.pollReopen, as: NILS, data: () => ({ pollId: ids.awaiting, deadlineDate: '2026-12-20', deadlineTime: '12:00' }), writes: false },
    { verb: VERB.decisionLead, as: NILS, data: () => ({ pollId: ids.awaiting, choice: 'approve', statement: 'Vedtatt', decidedBy: 'person-ola-demodal' }), writes: false },
    {
      verb: VERB.decisionLead, as: BOARD_LEADER, data: () => ({ pollId: ids.awaiting, choice: 'approve', statement: 'Vedtatt av lederen' }),
      writes: true,
      check: (p) => expect(p.decisions.find((d) => d.pollId === ids.awaiting)).toMatchObject({ decidedBy: 'person-ola-demodal' }),
    },
    { verb: VERB.pollExport, as: NILS, data: () => ({ pollId: ids.awaiting }), writes: false },
    { verb: VERB.decisionShow, as: NILS, data: () => ({ decisionId: 'd-ps-digitrondelag-2025-4' }), writes: false },
    { verb: VERB.decisionsMinutes, as: NILS, data: () => ({ year: 2025 }), writes: false },
    // The forged person and organisation are of another network: no request of theirs is reached.
    { verb: VERB.memberApprove, as: SECRETARIAT, data: () => ({}), writes: false },
    { verb: VERB.memberApprove, as: NEWCOMER, data: () => ({ personId: person(bot.flokk.store.read(), NEWCOMER).id, organisationId: 'kommune-5036' }), writes: false },
    {
      verb: VERB.memberApprove, as: SECRETARIAT, data: () => ({ personId: person(bot.flokk.store.read(), NEWCOMER).id, organisationId: 'kommune-5036' }),
      writes: true,
      check: (p) => expect(person(p, NEWCOMER)).toMatchObject({ organisationId: 'kommune-5036' }),
    },
    {
      verb: VERB.memberReject, as: SECRETARIAT, data: () => ({ personId: person(bot.flokk.store.read(), CLIMBER).id, organisationId: 'kommune-5036' }),
      writes: true,
      check: (p) => {
        expect(person(p, CLIMBER)).not.toHaveProperty('organisationId');
        expect(person(p, CLIMBER)).not.toHaveProperty('requestedOrganisationId');
      },
    },
    { verb: VERB.bodyShow, as: NILS, data: () => ({ bodyId: 'ps-digitrondelag' }), writes: false },
    { verb: VERB.bodyAddMember, as: NILS, data: () => ({ bodyId: 'ps-digitrondelag', personId: 'person-nils-demoberg' }), writes: false },
    {
      verb: VERB.bodyAddMember, as: SECRETARIAT, data: () => ({ bodyId: 'ps-digitrondelag', personId: 'person-nils-demoberg' }),
      writes: true,
      check: (p) => expect(p.bodies.find((b) => b.id === 'ps-digitrondelag')!.members.at(-1)).toMatchObject({ personId: 'person-nils-demoberg', organisationId: 'kommune-5057' }),
    },
    {
      verb: VERB.bodyEndTerm, as: SECRETARIAT, data: () => ({ bodyId: 'ps-digitrondelag', endPersonId: 'person-nils-demoberg' }),
      writes: true,
      check: (p) => expect(p.bodies.find((b) => b.id === 'ps-digitrondelag')!.members.filter((m) => m.personId === 'person-nils-demoberg')).toHaveLength(1),
    },
    { verb: VERB.bodyMakeLeader, as: NILS, data: () => ({ bodyId: 'ps-digitrondelag', leaderPersonId: 'person-nils-demoberg' }), writes: false },
    {
      verb: VERB.bodySetDeputy, as: SECRETARIAT, data: () => ({ bodyId: 'ps-digitrondelag', memberPersonId: 'person-ingrid-provestad', deputyPersonId: 'person-tor-eksempelmo' }),
      writes: true,
      check: (p) => expect(p.bodies.find((b) => b.id === 'ps-digitrondelag')!.members.find((m) => m.personId === 'person-ingrid-provestad')).toMatchObject({ deputyPersonId: 'person-tor-eksempelmo' }),
    },
  ];

  beforeAll(async () => {
    bot = await startTestBot({}, { clock: () => T0 });
    ids.open = await openPoll(bot, { projectId: 'p-depot-digitalt-arkiv' }, 'forged-open');
    ids.anonymous = await openPoll(bot, { anonymous: 'true' }, 'forged-anonymous');
    ids.awaiting = await pollAwaitingLeader(bot, 'p-logganalyse-hendelser', 'forged-awaiting');
  });
  afterAll(() => bot.stop());

  it('covers every verb', () => {
    expect(new Set(rows.map((r) => r.verb))).toEqual(new Set(Object.values(VERB)));
  });

  it.each(rows.map((row, i) => [`${row.verb} as ${row.as.name} (#${i})`, row] as const))('%s', async (_name, row) => {
    const before = bot.flokk.store.read();
    const markers = count(before);
    const answer = await pressAs(bot, row.verb, { ...forgedFor(row.verb), ...row.data() }, row.as);
    await bot.flokk.store.flush();
    const after = bot.flokk.store.read();
    expect(count(after)).toEqual(markers);
    if (row.writes) expect(after).not.toBe(before);
    else expect(after).toBe(before);
    row.check?.(after, answer);
  });
});
