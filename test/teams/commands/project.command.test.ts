import { VERB } from '../../../src/cards/actions';
import { demoPortfolio } from '../../../src/flokk';
import { showProject } from '../../../src/teams/commands/project.command';
import { STRANGER } from '../../fixtures/activities';
import { cardOf, executesOf, headingOf, textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const portfolio = demoPortfolio();

describe('showProject', () => {
  it('shows the named project’s card: owner, lead, status and its buttons', async () => {
    const { turn, store } = aTurn(portfolio, { networkId: 'digitrondelag', from: STRANGER });
    const reply = await showProject(turn, { query: 'barnevern' });
    const card = cardOf(reply);
    expect(headingOf(card)).toBe('Felles fagsystem for barnevern');
    const text = textOf(card);
    expect(text).toContain('Eier: Levanger');
    expect(text).toContain('Prosjektleder: Hanne Prøvemo');
    expect(text).toContain('Status: Vedtatt');
    expect(text).toContain('Eksempeldata');
    // A command's answer is seen by everyone in the conversation: no buttons but «Vis mine valg», and a
    // refresh so each viewer's Teams asks for their own view (project.show gives the buttons they may press).
    expect(executesOf(card)).toEqual([expect.objectContaining({ verb: VERB.projectShow, data: { projectId: 'p-barnevern' } })]);
    expect(card.refresh).toMatchObject({ action: { verb: VERB.projectShow, data: { projectId: 'p-barnevern' } } });
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(portfolio);
  });

  it('labels the card in the sender’s language', async () => {
    const card = cardOf(await showProject(aTurn(portfolio, { networkId: 'digitrondelag', locale: 'en' }).turn, { query: 'depotløsning' }));
    expect(headingOf(card)).toBe('Depotløsning for digitalt arkiv');
    expect(textOf(card)).toContain('Owner: Trøndelag fylkeskommune');
    expect(textOf(card)).toContain('Status: Under consideration');
  });

  it('asks which one when several projects fit', async () => {
    const card = cardOf(await showProject(aTurn(portfolio, { networkId: 'digitrondelag' }).turn, { query: 'felles' }));
    expect(textOf(card)).toContain('Mente du ett av disse?');
    const ids = executesOf(card).map((a) => a.data.projectId);
    expect(ids).toHaveLength(5);
    expect(ids).toContain('p-felles-sak-arkiv');
    expect(executesOf(card).every((a) => a.verb === VERB.projectShow)).toBe(true);
  });

  it('says nothing matched when nothing does', async () => {
    const reply = await showProject(aTurn(portfolio, { networkId: 'digitrondelag' }).turn, { query: 'xyzzy' });
    expect(reply.card).toBeUndefined();
    expect(reply.text).toContain('«xyzzy»');
    expect(reply.text).toContain('portefølje');
  });

  it('does not show another network’s project', async () => {
    // Nothing in Digi Vestland is like it («felles» and «system» alone make no likeness), so nothing is offered.
    const reply = await showProject(aTurn(portfolio, { networkId: 'digi-vestland' }).turn, { query: 'Felles sak-/arkivsystem' });
    expect(reply.text).toContain('Jeg fant ikke noe prosjekt som passer «Felles sak-/arkivsystem».');
    const offered = reply.card ? executesOf(reply.card).map((a) => String(a.data.projectId)) : [];
    expect(offered.every((id) => portfolio.projects.find((x) => x.id === id)?.networkId === 'digi-vestland')).toBe(true);
  });
});
