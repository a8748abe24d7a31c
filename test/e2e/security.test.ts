import { readFile, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { VERB } from '../../src/cards/actions';
import { auditFileFor } from '../../src/flokk';
import { createLogger } from '../../src/log';
import { segmentsOf } from '../../src/store/journal';
import type { PortfolioStore } from '../../src/store/portfolio-store';
import { execute, HANNE, message, NILS, TENANT_ID } from '../fixtures/activities';
import { startTestBot, textOf, type TestBot } from './harness';

const VESTLAND_TENANT = '22222222-3333-4444-8555-666666666666';
const OTHER_TENANT = '99999999-0000-4000-8000-000000000000';

describe('only Teams, only the tenants a network admits', () => {
  let bot: TestBot;
  const logLines: string[] = [];
  beforeAll(async () => {
    bot = await startTestBot(
      { networkTenants: { digitrondelag: [TENANT_ID], 'digi-vestland': [VESTLAND_TENANT] } },
      { log: createLogger('info', (l) => logLines.push(l)) },
    );
  });
  afterAll(() => bot.stop());

  it('answers an admitted tenant, in its own network', async () => {
    const [trondelag] = await bot.say('hva eier Orkland?');
    expect(textOf(trondelag!)).toContain('Prosjekter for Orkland');
    const [vestland] = await bot.say('kva eig Voss?', { tenantId: VESTLAND_TENANT, locale: 'nn-NO' });
    expect(textOf(vestland!)).toContain('Prosjekt for Voss');
  });

  it('refuses another tenant: no answer, nothing written, an invoke gets 403, and the log says why', async () => {
    const before = await readFile(bot.config.dataFile);
    expect(await bot.say('hjelp', { tenantId: OTHER_TENANT })).toEqual([]);
    const invoke = await bot.press(VERB.initiativeInterest, { initiativeId: 'i-felles-kommunal-journal' }, { tenantId: OTHER_TENANT, from: NILS });
    expect(invoke.status).toBe(403);
    await bot.flokk.store.flush();
    expect(await readFile(bot.config.dataFile)).toEqual(before);
    expect(logLines.some((l) => l.includes('"activity refused"') && l.includes('"refusal":"tenant"') && l.includes(OTHER_TENANT))).toBe(true);
  });

  it('refuses channels other than Microsoft Teams', async () => {
    bot.connector.take();
    for (const channelId of ['webchat', 'directline', 'slack', 'emulator']) {
      const activity = { ...message('hjelp', { serviceUrl: bot.connector.serviceUrl }), channelId };
      expect((await bot.post(activity)).status).toBe(200);
    }
    expect(bot.connector.take()).toEqual([]);
  });

  it('refuses a malformed activity before any handler sees it', async () => {
    bot.connector.take();
    const huge = { ...message('hjelp', { serviceUrl: bot.connector.serviceUrl }), text: 'x'.repeat(40_000) };
    await bot.post(huge);
    const noConversation = { ...message('hjelp', { serviceUrl: bot.connector.serviceUrl }), conversation: { id: '' } };
    await bot.post(noConversation);
    expect(bot.connector.take()).toEqual([]);
  });
});

describe('a slow handler', () => {
  /** A disk that holds every write until the test lets it go. */
  function slowDisk() {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held = 0;
    const decorate = (store: PortfolioStore): PortfolioStore => ({
      read: () => store.read(),
      flush: () => store.flush(),
      close: () => store.close(),
      health: () => store.health(),
      update: async (change) => {
        held++;
        await gate;
        return store.update(change);
      },
    });
    return { decorate, release, held: () => held };
  }

  it('still answers the invoke in time, finishes later, and a re-delivery does not apply it twice', async () => {
    const disk = slowDisk();
    const bot = await startTestBot({}, { decorateStore: disk.decorate, invokeBudgetMs: 100 });
    try {
      const activity = execute(VERB.initiativeInterest, { initiativeId: 'i-felles-kommunal-journal' }, { serviceUrl: bot.connector.serviceUrl, from: NILS, replyToId: 'initiative-card' });
      const first = await bot.post(activity);
      expect(disk.held()).toBe(1);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Dette tar litt tid. Jeg oppdaterer kortet når det er klart.' });
      const redelivered = await bot.post(activity);
      expect(redelivered.body).toEqual(first.body);
      expect(disk.held()).toBe(1);

      bot.connector.take();
      disk.release();
      await bot.flokk.store.flush();
      // The handler finishes after its turn and then updates the card: wait for that update (5 s at most).
      const sent: ReturnType<typeof bot.connector.take> = [];
      const isUpdate = (s: (typeof sent)[number]) => s.method === 'PUT' && s.path.endsWith('/activities/initiative-card');
      for (const until = Date.now() + 5000; !sent.some(isUpdate) && Date.now() < until; ) {
        await bot.flokk.outbox.idle();
        sent.push(...bot.connector.take());
        if (!sent.some(isUpdate)) await new Promise((r) => setTimeout(r, 20));
      }
      const marks = bot.flokk.store.read().initiatives.find((i) => i.id === 'i-felles-kommunal-journal')!.interest.filter((m) => m.personId === 'person-nils-demoberg');
      expect(marks).toHaveLength(1);
      // The shared card, for everyone in the conversation: it lists Ørland, and not as «you».
      const update = sent.find(isUpdate)!;
      expect(update).toBeDefined();
      expect(textOf(update)).toMatch(/vil være med: .*Ørland/);
      expect(textOf(update)).not.toContain('Ørland er med.');
    } finally {
      disk.release();
      await bot.stop();
    }
  });

  it("never puts a late voter's own view in place of the shared poll card", async () => {
    let slow = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const decorateStore = (store: PortfolioStore): PortfolioStore => ({
      ...store,
      read: () => store.read(),
      flush: () => store.flush(),
      close: () => store.close(),
      health: () => store.health(),
      update: async (change) => {
        if (slow) await gate;
        return store.update(change);
      },
    });
    const bot = await startTestBot({}, { decorateStore, invokeBudgetMs: 100 });
    try {
      const where = { where: 'channel' as const };
      await bot.press(VERB.pollOpen, { kind: 'consensus', question: 'Skal vi?', deadlineDate: '2026-12-30', deadlineTime: '12:00' }, { ...where, replyToId: 'shared-poll-card' });
      const pollId = bot.flokk.store.read().polls.find((p) => p.cardActivityId === 'shared-poll-card')!.id;
      await bot.flokk.outbox.idle();
      bot.connector.take();
      slow = true;
      const voter = { id: '29:demo-03', name: 'Ingrid Prøvestad', aadObjectId: '00000000-0000-4000-8000-000000000003' };
      const late = await bot.press(VERB.pollVote, { pollId, stance: 'disagree', reason: 'Min egen grunn' }, { ...where, from: voter, replyToId: 'shared-poll-card' });
      expect(late.body.value).toBe('Dette tar litt tid. Jeg oppdaterer kortet når det er klart.');
      release();
      await bot.flokk.store.flush();
      await new Promise((r) => setTimeout(r, 50));
      await bot.flokk.outbox.idle();
      const updates = bot.connector.take().filter((x) => x.method === 'PUT' && x.path.endsWith('/activities/shared-poll-card'));
      expect(updates.length).toBeGreaterThan(0);
      for (const u of updates) expect(textOf(u)).not.toContain('Din stemme');
      expect(textOf(updates.at(-1)!)).toContain('1 av 6 har stemt');
    } finally {
      release();
      await bot.stop();
    }
  });
});

describe('the audit log', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  it('records every change with who made it (from the activity, not the card), what and which object', async () => {
    // The card claims another person and adds ids of its own: neither reaches the log.
    await bot.press(VERB.initiativeInterest, { initiativeId: 'i-felles-kommunal-journal', personId: 'person-sekretariat', forgedId: '[klikk](https://evil.example)' }, { from: NILS });
    await bot.press(VERB.projectTransition, { projectId: 'p-samhandling-helseforetak', transition: 'submit' }, {});
    await bot.press(VERB.projectShow, { projectId: 'p-barnevern' }, { from: NILS });
    const lines = (await readFile(auditFileFor(bot.config.dataFile), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ actor: NILS.aadObjectId, personId: 'person-nils-demoberg', action: 'initiative.interest', networkId: 'digitrondelag', objects: { initiativeId: 'i-felles-kommunal-journal' } }),
      expect.objectContaining({ actor: '00000000-0000-4000-8000-000000000001', personId: 'person-sekretariat', action: 'project.transition', objects: { projectId: 'p-samhandling-helseforetak' } }),
    ]);
  });

  it('is readable by the secretariat through a command, and by nobody else', async () => {
    const [denied] = await bot.say('revisjonslogg', { from: NILS });
    expect(denied!.activity.text).toBe('Bare sekretariatet kan lese revisjonsloggen.');
    const [log] = await bot.say('revisjonslogg');
    const text = textOf(log!);
    expect(text).toContain('Revisjonslogg');
    expect(text).toContain('**Nils Demoberg** · initiative.interest');
    const link = /\((http[^)]+)\)/.exec(text)![1]!;
    const exported = (await (await fetch(link)).text()).trim().split('\n');
    expect(exported).toHaveLength(2);
  });
});

describe('a full disk', () => {
  it('tells the user the change was not saved, in their language, and leaves the file as it was', async () => {
    const bot = await startTestBot();
    try {
      // One change first, so that the store's journal has a segment beside the data file.
      await bot.press(VERB.initiativeInterest, { initiativeId: 'i-felles-kommunal-journal' }, { from: HANNE });
      await bot.flokk.store.flush();
      const before = await readFile(bot.config.dataFile);
      // The store appends each change to the journal segment; point it at a device that is always full.
      const [segment] = await segmentsOf(bot.config.dataFile);
      await rm(segment!.path);
      await symlink('/dev/full', segment!.path);
      const { body } = await bot.press(VERB.initiativeInterest, { initiativeId: 'i-felles-kommunal-journal' }, { from: NILS, locale: 'nn-NO' });
      expect(body.value).toBe('Eg klarte ikkje å lagre endringa. Ingenting vart endra; prøv igjen om litt.');
      expect(await readFile(bot.config.dataFile)).toEqual(before);
      expect(bot.flokk.store.read().initiatives.find((i) => i.id === 'i-felles-kommunal-journal')!.interest.some((m) => m.personId === 'person-nils-demoberg')).toBe(false);
      const health = await fetch(`${bot.flokk.url}/healthz`);
      expect(health.status).toBe(503);
    } finally {
      await bot.stop();
    }
  });
});
