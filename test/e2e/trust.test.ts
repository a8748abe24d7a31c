import { readFile } from 'node:fs/promises';
import { VERB } from '../../src/cards/actions';
import { auditFileFor } from '../../src/flokk';
import { execute, NILS, SECRETARIAT, type User } from '../fixtures/activities';
import { startTestBot, textOf, type TestBot } from './harness';

/** Records people can trust: the audit log says what happened, and one person's press is never another's. */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot.stop());

const auditLines = async () =>
  (await readFile(auditFileFor(bot.config.dataFile), 'utf8'))
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { action: string; actor: string; objects: Record<string, string> });

describe('the audit log names what really happened', () => {
  it('audits a verb resumed after registration as that verb, not as the registration', async () => {
    const newcomer: User = { id: '29:trust-newcomer', name: 'Tora Tillit', aadObjectId: 'bbbbbbbb-0000-4000-8000-00000000aa01' };
    const tenantId = 'bbbbbbbb-5036-4000-8000-000000000000';
    const ask = await bot.press(VERB.initiativeInterest, { initiativeId: 'i-felles-kommunal-journal' }, { from: newcomer, tenantId });
    const register = ask.body.value.actions[0];
    expect(register.verb).toBe(VERB.memberRegister);
    // Only a confirmed registration resumes (a request waits for the secretariat): the network maps the newcomer's tenant to Frosta meanwhile.
    await bot.flokk.store.update((p) => ({ next: { ...p, organisations: p.organisations.map((o) => (o.id === 'kommune-5036' ? { ...o, tenantIds: [tenantId] } : o)) }, result: undefined }));
    await bot.press(register.verb, { ...register.data, organisationId: 'kommune-5036' }, { from: newcomer, tenantId });
    const mine = (await auditLines()).filter((e) => e.actor === newcomer.aadObjectId);
    expect(mine.map((e) => [e.action, e.objects])).toEqual([
      ['member.register', { organisationId: 'kommune-5036' }],
      ['initiative.interest', { initiativeId: 'i-felles-kommunal-journal' }],
    ]);
  });
});

describe('a re-delivered invoke', () => {
  it('is the same press only from the same sender: another person sending the same activity id gets their own answer', async () => {
    const projectShow = (from: User, projectId: string) => ({
      ...execute(VERB.projectShow, { projectId }, { serviceUrl: bot.connector.serviceUrl, from }),
      id: 'same-activity-id',
    });
    const first = await bot.post(projectShow(NILS, 'p-barnevern'));
    const again = await bot.post(projectShow(NILS, 'p-barnevern'));
    expect(again.body).toEqual(first.body);
    const other = await bot.post(projectShow(SECRETARIAT, 'p-samhandling-helseforetak'));
    expect(textOf(other.body.value)).not.toEqual(textOf(first.body.value));
    expect(textOf(other.body.value)).toContain(bot.flokk.store.read().projects.find((p) => p.id === 'p-samhandling-helseforetak')!.title);
  });
});
