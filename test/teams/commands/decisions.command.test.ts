import { VERB } from '../../../src/cards/actions';
import { demoPortfolio } from '../../../src/flokk';
import { decisions, minutes } from '../../../src/teams/commands/decisions.command';
import { STRANGER } from '../../fixtures/activities';
import { cardOf, executesOf, headingOf, textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
const turnIn = (locale: 'nb' | 'nn' | 'en' = 'nb', networkId = 'digitrondelag') => aTurn(demo, { networkId, locale, from: STRANGER }).turn;
const listed = (card: ReturnType<typeof cardOf>) => executesOf(card).filter((a) => a.verb === VERB.decisionShow).map((a) => a.data.decisionId);
const minutesButton = (card: ReturnType<typeof cardOf>) => executesOf(card).find((a) => a.verb === VERB.decisionsMinutes);

describe('decisions', () => {
  it('lists the network’s decisions, newest first, with a button for the minutes', async () => {
    const card = cardOf(await decisions(turnIn(), { filters: '' }));
    expect(headingOf(card)).toBe('Vedtak');
    expect(textOf(card)).toContain('3 vedtak');
    expect(textOf(card)).toContain('**PS 2/2026** · 2026-05-20 · Godkjent');
    expect(listed(card)).toEqual(['d-ps-digitrondelag-2026-2', 'd-ps-digitrondelag-2025-7', 'd-ps-digitrondelag-2025-4']);
    expect(minutesButton(card)?.data).toEqual({});
  });

  it('filters by year, and the minutes button asks for that year', async () => {
    const card = cardOf(await decisions(turnIn(), { filters: '2025' }));
    expect(headingOf(card)).toBe('Vedtak 2025');
    expect(listed(card)).toEqual(['d-ps-digitrondelag-2025-7', 'd-ps-digitrondelag-2025-4']);
    expect(minutesButton(card)?.data).toEqual({ year: 2025 });
  });

  it('filters by body, by case prefix or by part of its name', async () => {
    expect(listed(cardOf(await decisions(turnIn(), { filters: 'organ:PS' })))).toHaveLength(3);
    expect(listed(cardOf(await decisions(turnIn(), { filters: 'body:programstyret' })))).toHaveLength(3);
    expect(listed(cardOf(await decisions(turnIn(), { filters: '2026 organ:ps' })))).toEqual(['d-ps-digitrondelag-2026-2']);
  });

  it('shows no decisions for a body that has none, or that does not exist, and offers no minutes', async () => {
    for (const filters of ['organ:RG', 'organ:XYZ']) {
      const card = cardOf(await decisions(turnIn(), { filters }));
      expect(listed(card)).toEqual([]);
      expect(textOf(card)).toContain('Ingen vedtak passer.');
      expect(minutesButton(card)).toBeUndefined();
    }
  });

  it('filters by the project a decision is about', async () => {
    const card = cardOf(await decisions(turnIn(), { filters: 'prosjekt barnevern' }));
    expect(listed(card)).toEqual(['d-ps-digitrondelag-2025-7']);
    expect(textOf(card)).toContain('1 vedtak');
  });

  // A project name that finds no project is said, never dropped: the whole log is not shown in its place.
  it('says a project name that matches no project, instead of listing every decision', async () => {
    const reply = await decisions(turnIn(), { filters: 'prosjekt xyzzy' });
    expect(reply.card).toBeUndefined();
    expect(reply.text).toContain('Jeg fant ikke noe prosjekt som passer «xyzzy»');
  });

  it('keeps to the turn’s network, in its language', async () => {
    const card = cardOf(await decisions(turnIn('en', 'digi-vestland'), { filters: '' }));
    expect(headingOf(card)).toBe('Decisions');
    expect(listed(card)).toEqual([]);
    expect(textOf(card)).toContain('No decisions match.');
  });
});

describe('minutes', () => {
  it('offers the year’s minutes as a Markdown download, oldest decision first', async () => {
    const { turn, store } = aTurn(demo, { networkId: 'digitrondelag', from: STRANGER });
    const reply = await minutes(turn, { year: 2025 });
    expect(reply.card).toBeUndefined();
    expect(reply.text).toBeUndefined();
    expect(reply.effects).toEqual([]);
    const file = reply.download!.file;
    expect(file.name).toBe('referat-digitrondelag-2025.md');
    expect(file.contentType).toBe('text/markdown; charset=utf-8');
    expect(file.body.startsWith('# Referat fra programstyret – DigiTrøndelag 2025\n')).toBe(true);
    expect(file.body.indexOf('## PS 4/2025')).toBeGreaterThan(0);
    expect(file.body.indexOf('## PS 7/2025')).toBeGreaterThan(file.body.indexOf('## PS 4/2025'));
    expect(file.body).not.toContain('PS 2/2026');
    expect(file.body).toContain('- Ingrid Prøvestad: Blokkerer:');
    expect(store.read()).toBe(demo);
  });

  it('says where to download it', async () => {
    const reply = await minutes(turnIn(), { year: 2025 });
    // A button, not a Markdown link in a sentence (shown raw in some clients: issue 13).
    expect(reply.download!.say('https://flokk.example/exports/abc/referat.md')).toMatchObject({
      actions: [{ type: 'Action.OpenUrl', title: 'Last ned', url: 'https://flokk.example/exports/abc/referat.md' }],
    });
  });

  it('gives every year’s decisions without a year', async () => {
    const file = (await minutes(turnIn(), {})).download!.file;
    expect(file.name).toBe('referat-digitrondelag.md');
    expect(file.body.startsWith('# Referat fra programstyret – DigiTrøndelag\n')).toBe(true);
    expect(file.body.match(/^## /gm)).toHaveLength(3);
  });

  it('writes the minutes in the sender’s language', async () => {
    const reply = await minutes(turnIn('en'), { year: 2026 });
    expect(reply.download!.file.body).toContain('# Minutes of the programme board – DigiTrøndelag 2026');
    expect(reply.download!.file.body).toContain('## PS 2/2026');
    expect(reply.download!.say('https://x.example/f')).toMatchObject({ actions: [{ type: 'Action.OpenUrl', title: 'Download', url: 'https://x.example/f' }] });
  });

  it('gives a title-only file for a year without decisions', async () => {
    const file = (await minutes(turnIn(), { year: 2024 })).download!.file;
    expect(file.body).toBe('# Referat fra programstyret – DigiTrøndelag 2024\n');
  });
});
