import { VERB } from '../../../src/cards/actions';
import { DomainError } from '../../../src/domain/errors';
import { demoPortfolio } from '../../../src/flokk';
import { RegistrationNeeded } from '../../../src/teams/actor';
import { proposeProjectForm } from '../../../src/teams/commands/propose-project.command';
import { HANNE, NILS, SECRETARIAT, STRANGER } from '../../fixtures/activities';
import { cardOf, executesOf, headingOf, inputsOf, withPerson } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
/** Registered with an organisation, but holding no role yet. */
const NEWCOMER = { aadObjectId: '00000000-0000-4000-8000-0000000000aa', name: 'Nora Nykommer' };
const withNewcomer = withPerson(demo, { id: 'person-nora', networkId: 'digitrondelag', name: NEWCOMER.name, aadObjectId: NEWCOMER.aadObjectId, organisationId: 'kommune-5032', roles: [] });

describe('proposeProjectForm', () => {
  it('opens the proposal form with the title, and the proposer’s organisation as owner', async () => {
    const { turn, store } = aTurn(demo, { networkId: 'digitrondelag', from: NILS });
    const reply = await proposeProjectForm(turn, { title: 'Felles KI-plattform' });
    const card = cardOf(reply);
    expect(headingOf(card)).toBe('Foreslå et prosjekt');
    expect(inputsOf(card).title?.value).toBe('Felles KI-plattform');
    expect(inputsOf(card).ownerOrganisationId?.value).toBe('kommune-5057');
    expect(executesOf(card)).toEqual([expect.objectContaining({ verb: VERB.projectPropose, data: {} })]);
    expect(store.read()).toBe(demo);
  });

  it('sets the owner from who is asking, not from anything else', async () => {
    const hanne = cardOf(await proposeProjectForm(aTurn(demo, { networkId: 'digitrondelag', from: HANNE }).turn, { title: '' }));
    const kari = cardOf(await proposeProjectForm(aTurn(demo, { networkId: 'digitrondelag', from: SECRETARIAT }).turn, { title: '' }));
    expect(inputsOf(hanne).ownerOrganisationId?.value).toBe('kommune-5037');
    expect(inputsOf(kari).ownerOrganisationId?.value).toBe('kommune-5001');
  });

  it('cuts a long title to 200 characters', async () => {
    const card = cardOf(await proposeProjectForm(aTurn(demo, { networkId: 'digitrondelag', from: NILS }).turn, { title: 'y'.repeat(400) }));
    expect(inputsOf(card).title?.value).toBe('y'.repeat(200));
  });

  it('leaves the owner open for a contributor without an organisation', async () => {
    const p = withPerson(demo, { id: 'person-orgless', networkId: 'digitrondelag', name: 'Uten Org', aadObjectId: '00000000-0000-4000-8000-0000000000ab', roles: ['resource_group'] });
    const card = cardOf(await proposeProjectForm(aTurn(p, { networkId: 'digitrondelag', from: { aadObjectId: '00000000-0000-4000-8000-0000000000ab' } }).turn, { title: 'X' }));
    expect(inputsOf(card).ownerOrganisationId?.value).toBe('');
  });

  it('refuses someone who holds no role, and writes nothing', async () => {
    const { turn, store } = aTurn(withNewcomer, { networkId: 'digitrondelag', from: NEWCOMER });
    const refusal = proposeProjectForm(turn, { title: 'Felles KI-plattform' });
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: 'ACCESS.DENIED', params: { permission: 'project.propose' } });
    expect(store.read()).toBe(withNewcomer);
  });

  it('asks someone Flokk has not met to register first', async () => {
    const { turn, store } = aTurn(demo, { networkId: 'digitrondelag', from: STRANGER });
    await expect(proposeProjectForm(turn, { title: 'X' })).rejects.toBeInstanceOf(RegistrationNeeded);
    expect(store.read()).toBe(demo);
  });

  it('does not know a person in a network they are not in', async () => {
    const { turn } = aTurn(demo, { networkId: 'digi-vestland', from: NILS });
    await expect(proposeProjectForm(turn, { title: 'X' })).rejects.toBeInstanceOf(RegistrationNeeded);
  });

  it('refuses an activity without an identity', async () => {
    const { turn } = aTurn(demo, { networkId: 'digitrondelag', from: { name: 'Anonym' } });
    await expect(proposeProjectForm(turn, { title: 'X' })).rejects.toMatchObject({ code: 'ACCESS.NO_IDENTITY' });
  });
});
