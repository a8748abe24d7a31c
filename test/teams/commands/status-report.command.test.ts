import { VERB } from '../../../src/cards/actions';
import { DomainError } from '../../../src/domain/errors';
import { demoPortfolio } from '../../../src/flokk';
import { RegistrationNeeded } from '../../../src/teams/actor';
import { statusReportForm } from '../../../src/teams/commands/status-report.command';
import { demoUser, HANNE, NILS, SECRETARIAT, STRANGER } from '../../fixtures/activities';
import { cardOf, executesOf, headingOf, inputsOf, textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
const turnAs = (from: { aadObjectId?: string; name?: string }, locale: 'nb' | 'en' = 'nb') => aTurn(demo, { networkId: 'digitrondelag', locale, from });

describe('statusReportForm', () => {
  it('opens the report form for the project’s lead, the form’s button naming the project', async () => {
    const { turn, store } = turnAs(HANNE);
    const reply = await statusReportForm(turn, { query: 'barnevern' });
    const card = cardOf(reply);
    expect(headingOf(card)).toBe('Statusrapport for Felles fagsystem for barnevern');
    expect(Object.keys(inputsOf(card))).toEqual(['overall', 'overallComment', 'time', 'timeComment', 'budget', 'budgetComment', 'quality', 'qualityComment']);
    expect(executesOf(card)).toEqual([expect.objectContaining({ verb: VERB.projectReport, data: { projectId: 'p-barnevern' } })]);
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(demo);
  });

  it('opens it for someone from the owner organisation who does not lead the project', async () => {
    // Ingrid Prøvestad is from Steinkjer, which owns «Felles oppvekstadministrativt system» (led by Tor Eksempelmo).
    const card = cardOf(await statusReportForm(turnAs(demoUser('03')).turn, { query: 'oppvekstadministrativt' }));
    expect(headingOf(card)).toBe('Statusrapport for Felles oppvekstadministrativt system');
  });

  it('opens it for the secretariat, for any project of the network', async () => {
    const card = cardOf(await statusReportForm(turnAs(SECRETARIAT, 'en').turn, { query: 'velferdsteknologi' }));
    expect(headingOf(card)).toBe('Status report for Velferdsteknologi i hjemmetjenesten');
  });

  it('refuses someone from another organisation, and writes nothing', async () => {
    const { turn, store } = turnAs(NILS);
    const refusal = statusReportForm(turn, { query: 'barnevern' });
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: 'ACCESS.DENIED', params: { permission: 'project.report' } });
    expect(store.read()).toBe(demo);
  });

  it('lets the same person report on the project they lead', async () => {
    const card = cardOf(await statusReportForm(turnAs(NILS).turn, { query: 'informasjonssikkerhetsarbeid' }));
    expect(headingOf(card)).toBe('Statusrapport for Felles informasjonssikkerhetsarbeid');
  });

  it('asks someone Flokk has not met to register, once the project is found', async () => {
    await expect(statusReportForm(turnAs(STRANGER).turn, { query: 'barnevern' })).rejects.toBeInstanceOf(RegistrationNeeded);
  });

  it('answers an ambiguous or unknown name with the lookup’s reply, before asking who is asking', async () => {
    const choices = cardOf(await statusReportForm(turnAs(STRANGER).turn, { query: 'felles' }));
    expect(textOf(choices)).toContain('Mente du ett av disse?');
    expect(executesOf(choices).every((a) => a.verb === VERB.projectShow)).toBe(true);
    const none = await statusReportForm(turnAs(STRANGER).turn, { query: 'xyzzy' });
    expect(none.text).toContain('«xyzzy»');
  });
});
