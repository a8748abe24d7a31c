import { VERB } from '../../../src/cards/actions';
import { messages } from '../../../src/i18n';
import { projectShow } from '../../../src/teams/actions/project-show.action';
import { actionsOf, cardOf, HANNE, input, NILS, press, refused, SECRETARIAT, STRANGER, textOf, turnAs, VESTLAND } from './action-helpers';

describe('project.show', () => {
  it('answers with the project card of a project in the turn’s network', async () => {
    const { turn, store } = turnAs(NILS);
    const before = store.read();
    const reply = await press(turn, VERB.projectShow, { projectId: 'p-felles-sak-arkiv' });
    const card = cardOf(reply);
    const text = textOf(card);
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Felles sak-/arkivsystem' });
    expect(text).toContain('Eier: Trondheim');
    expect(text).toContain('Prosjektleder: Eli Fiktivdal');
    expect(text).toContain('Status: I gang');
    expect(card.fallbackText).toBe('Felles sak-/arkivsystem: I gang, Trondheim');
    expect(reply.effects).toEqual([]);
    expect(reply.text).toBeUndefined();
    expect(store.read()).toBe(before);
  });

  it('offers the buttons that fit the project’s status, each naming the project', async () => {
    const { turn } = turnAs(HANNE);
    const card = cardOf(await projectShow(turn, input(VERB.projectShow, { projectId: 'p-barnevern' })));
    const actions = actionsOf(card);
    expect(actions.map((a) => a.verb)).toEqual([VERB.projectTransition, VERB.projectTransition, VERB.projectReportForm, VERB.projectPhase]);
    expect(actions.map((a) => a.data.transition).slice(0, 2)).toEqual(['start', 'pause']);
    for (const a of actions) expect(a.data.projectId).toBe('p-barnevern');
  });

  it('shows only the buttons the viewer may press, and says why where they may press none', async () => {
    // Nils (Ørland) neither owns «Barnevern» nor works in the secretariat: no lifecycle buttons, and the reasons.
    const nils = cardOf(await projectShow(turnAs(NILS).turn, input(VERB.projectShow, { projectId: 'p-barnevern' })));
    expect(actionsOf(nils)).toEqual([]);
    expect(textOf(nils)).toContain('Bare eierorganisasjonen og sekretariatet kan endre status og fase for et vedtatt prosjekt.');
    expect(textOf(nils)).toContain('Bare eierorganisasjonen og prosjektlederen kan levere statusrapport.');
    expect(nils.refresh).toBeUndefined();
  });

  it('asks before a step that cannot be undone, and never puts it first', async () => {
    const { turn } = turnAs(SECRETARIAT);
    const card = cardOf(await projectShow(turn, input(VERB.projectShow, { projectId: 'p-samhandling-helseforetak' })));
    expect(actionsOf(card).map((a) => a.data.transition)).toEqual(['submit', 'withdraw']);
    const top = card.actions as Array<Record<string, any>>;
    const withdraw = top.findIndex((a) => a.type === 'Action.ShowCard' && a.card.actions[0]?.data?.transition === 'withdraw');
    expect(withdraw).toBe(top.length - 1);
    expect(top[withdraw]!.card.body[0].text).toBe('Er du sikker? Det kan ikke gjøres om.');
    expect(top[withdraw]!.card.actions[0]).toMatchObject({ type: 'Action.Execute', verb: VERB.projectTransition, style: 'destructive' });
  });

  it('speaks the sender’s language', async () => {
    const { turn } = turnAs(NILS, { locale: 'en' });
    const t = messages('en');
    const text = textOf(cardOf(await press(turn, VERB.projectShow, { projectId: 'p-barnevern' })));
    expect(text).toContain(`${t.project.owner}: Levanger`);
    expect(text).toContain(`${t.project.status}: ${t.labels.status.approved}`);
    expect(t.labels.status.approved).not.toBe(messages('nb').labels.status.approved);
  });

  it('shows a project to someone Flokk has not met (lookups are for anyone)', async () => {
    const { turn } = turnAs(STRANGER);
    const card = cardOf(await press(turn, VERB.projectShow, { projectId: 'p-barnevern' }));
    expect(textOf(card)).toContain('Felles fagsystem for barnevern');
  });

  it('does not show a project of another network, nor an unknown one', async () => {
    await refused(press(turnAs(NILS).turn, VERB.projectShow, { projectId: 'p-vl-barnevern' }), 'PROJECT.NOT_FOUND', { projectId: 'p-vl-barnevern' });
    await refused(press(turnAs(NILS).turn, VERB.projectShow, { projectId: 'p-nope' }), 'PROJECT.NOT_FOUND');
    const vestland = turnAs(undefined, { networkId: VESTLAND });
    const card = cardOf(await press(vestland.turn, VERB.projectShow, { projectId: 'p-vl-barnevern' }));
    expect(textOf(card)).toContain('Nytt fagsystem for barnevern');
  });

  it('refuses data without a project id before the handler runs', () => {
    expect(() => input(VERB.projectShow, {})).toThrow();
    expect(() => input(VERB.projectShow, { projectId: '' })).toThrow();
    expect(() => input(VERB.projectShow, { projectId: 'x'.repeat(101) })).toThrow();
  });
});
