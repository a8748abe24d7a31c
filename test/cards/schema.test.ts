import { cardSamples, type CardSample } from '../../scripts/card-samples';
import type { Locale } from '../../src/domain/schema';
import { validateCard } from './adaptive-card-schema';

/**
 * Every card Flokk sends, from the demo portfolio in each language, is valid Adaptive Cards 1.5
 * (what Teams supports) as the official library reads it, and within Teams' 80 KB.
 * scripts/card-samples.ts lists the cards; `npm run cards:gallery` pictures the same list.
 */
const LOCALES: Locale[] = ['nb', 'nn', 'en'];
const MAX_CARD_BYTES = 80 * 1024;
const samples: Array<[Locale, string, CardSample]> = LOCALES.flatMap((locale) => cardSamples(locale).map((s) => [locale, s.name, s] as [Locale, string, CardSample]));

describe('every card against Adaptive Cards 1.5', () => {
  it('covers every card builder', () => {
    const names = new Set(samples.map(([, name]) => name));
    for (const name of ['help', 'portfolio', 'project', 'proposal-form', 'status-report-form', 'initiative-form', 'initiative', 'initiative-list', 'poll-form', 'poll-shared-no-votes', 'poll-voter', 'poll-leader', 'decision', 'decision-list', 'download', 'registration', 'roles', 'bodies', 'membership-requests'])
      expect(names).toContain(name);
  });

  it.each(samples)('%s %s is valid 1.5 and under 80 KB', (_locale, _name, sample) => {
    expect(validateCard(sample.card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(sample.card), 'utf8')).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });
});

describe('the check itself', () => {
  const cardOf = (body: unknown[], actions: unknown[] = [], version = '1.5') => ({ type: 'AdaptiveCard', version, body, actions });

  it('accepts a plain valid card', () => {
    expect(validateCard(cardOf([{ type: 'TextBlock', text: 'Hei', wrap: true }], [{ type: 'Action.OpenUrl', title: 'Last ned', url: 'https://x.example/f' }]))).toEqual([]);
  });

  it.each([
    ['an unknown element', cardOf([{ type: 'Bogus' }]), /Unknown element type "Bogus"/],
    ['an unknown property', cardOf([{ type: 'TextBlock', text: 'Hei', colour: 'good' }]), /unknown property \$\.body\[0\]\.colour/],
    ['an enum value 1.5 lacks', cardOf([{ type: 'TextBlock', text: 'Hei', color: 'Yellow' }]), /Invalid value "Yellow"/],
    ['a newer version', cardOf([], [], '1.6'), /not 1\.5/],
    ['a download without its address', cardOf([], [{ type: 'Action.OpenUrl', title: 'Last ned' }]), /"url" must be set/],
    ['an input without an id', cardOf([{ type: 'Input.Text' }]), /unique Id/],
    ['a choice with an empty value', cardOf([{ type: 'Input.ChoiceSet', id: 'c', choices: [{ title: 'Alle', value: '' }] }]), /title and value/],
    ['a chart without a fallback', cardOf([{ type: 'Chart.HorizontalBar', data: [] }]), /no fallback/],
  ])('refuses %s', (_what, json, problem) => {
    expect(validateCard(json).join('\n')).toMatch(problem);
  });

  it('reads a Teams chart as its fallback', () => {
    expect(validateCard(cardOf([{ type: 'Chart.HorizontalBar', data: [], fallback: { type: 'TextBlock', text: '2 enig' } }]))).toEqual([]);
  });
});
