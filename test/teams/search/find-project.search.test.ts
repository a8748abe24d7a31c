import { renderProjectCard } from '../../../src/cards/project.card';
import { demoPortfolio } from '../../../src/flokk';
import { findProject, FindProjectRequest, MAX_RESULTS, type SearchAnswer } from '../../../src/teams/search/find-project.search';
import { aPortfolio } from '../../builders';
import { STRANGER } from '../../fixtures/activities';
import { headingOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
const turnIn = (networkId = 'digitrondelag', locale: 'nb' | 'nn' | 'en' = 'nb') => aTurn(demo, { networkId, locale, from: STRANGER }).turn;
const request = (text: string, skip = 0, count = MAX_RESULTS): FindProjectRequest => ({ text, skip, count });

function results(answer: SearchAnswer) {
  if (answer.type !== 'result') throw new Error(`expected results, got the message ${JSON.stringify(answer.text)}`);
  return answer.attachments;
}
const titles = (answer: SearchAnswer) => results(answer).map((r) => r.preview.content.title);

describe('findProject', () => {
  it('finds a project by a word of its name, with a preview naming owner and status', async () => {
    const found = results(await findProject(turnIn(), request('barnevern')));
    expect(found).toHaveLength(1);
    expect(found[0]!.preview).toEqual({
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: { title: 'Felles fagsystem for barnevern', text: 'Levanger · Vedtatt' },
    });
  });

  it('inserts the same project card the chat command shows', async () => {
    const [result] = results(await findProject(turnIn(), request('barnevern')));
    const project = demo.projects.find((x) => x.id === 'p-barnevern')!;
    expect(result!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(result!.content).toEqual(renderProjectCard(demo, project, 'nb'));
    expect(headingOf(result!.content)).toBe('Felles fagsystem for barnevern');
  });

  it('finds by owner name, the owner’s projects first', async () => {
    expect(titles(await findProject(turnIn(), request('Orkland'))).slice(0, 2)).toEqual([
      'Lederutviklingsprogram for digital transformasjon',
      'Digital hjemmeoppfølging av kronisk syke',
    ]);
  });

  it('lists the whole network, living projects first, when nothing is typed yet', async () => {
    const all = results(await findProject(turnIn(), request('')));
    expect(all).toHaveLength(13);
    expect(all[0]!.preview.content.text).toMatch(/· I gang$/);
    expect(all.at(-1)!.preview.content).toEqual({ title: 'Digitalt planregister i alle kommuner', text: 'Trøndelag fylkeskommune · Trukket' });
  });

  it('pages with skip and count, and answers an empty list past the end', async () => {
    const first = titles(await findProject(turnIn(), request('', 0, 8)));
    const second = titles(await findProject(turnIn(), request('', 8, 8)));
    expect(first).toHaveLength(8);
    expect(second).toHaveLength(5);
    expect(second.some((t) => first.includes(t))).toBe(false);
    expect(await findProject(turnIn(), request('', 40, 8))).toEqual({ type: 'result', attachments: [] });
    expect(await findProject(turnIn(), request('xyzzy', 25, 25))).toEqual({ type: 'result', attachments: [] });
  });

  it('says in one sentence that nothing matched', async () => {
    expect(await findProject(turnIn(), request('xyzzy'))).toEqual({
      type: 'message',
      text: 'Ingen prosjekter passer «xyzzy». Prøv et prosjektnavn, en kommune eller et område, for eksempel «barnevern», «Orkland» eller «arkivering».',
    });
  });

  it('says the portfolio is empty when the network has no projects', async () => {
    const answer = await findProject(aTurn(aPortfolio(), { networkId: 'net-test', locale: 'en' }).turn, request(''));
    expect(answer).toEqual({ type: 'message', text: 'The portfolio has no projects yet.' });
  });

  it('searches the turn’s network only, and speaks its sender’s language', async () => {
    const found = results(await findProject(turnIn('digi-vestland', 'nn'), request('barnevern')));
    expect(found.map((r) => r.preview.content)).toEqual([{ title: 'Nytt fagsystem for barnevern', text: 'Askøy · Til handsaming' }]);
  });

  it('takes the route table’s cleaned request: the query trimmed, the count capped', async () => {
    const answer = await findProject(turnIn(), FindProjectRequest.parse({ parameters: { query: '   barnevern  ' }, skip: 0, count: 1000 }));
    expect(titles(answer)).toEqual(['Felles fagsystem for barnevern']);
    const capped = await findProject(turnIn(), FindProjectRequest.parse({ parameters: { query: '' }, skip: 0, count: 1 }));
    expect(results(capped)).toHaveLength(1);
  });

  it('changes nothing', async () => {
    const { turn, store } = aTurn(demo, { networkId: 'digitrondelag' });
    await findProject(turn, request('arkiv'));
    expect(store.read()).toBe(demo);
  });
});
