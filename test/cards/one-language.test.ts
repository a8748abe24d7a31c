import { cardSamples } from '../../scripts/card-samples';
import type { Locale } from '../../src/domain/schema';
import { demoPortfolio } from '../../src/flokk';
import { cardParts, foreignParts, writtenByPeople } from '../i18n/one-language';

/**
 * One language per card: every text Flokk itself puts on a card (headings, facts, buttons,
 * labels, reasons) is in the card's language; what people wrote (titles, names, reasons) is
 * theirs and is left out of the check.
 */
const demo = demoPortfolio();
const people = writtenByPeople(demo);

describe.each(['nb', 'nn', 'en'] as const)('every %s card', (locale: Locale) => {
  it.each(cardSamples(locale, demo).map((s) => [s.name, s] as const))('%s is all in one language', (_name, sample) => {
    expect(foreignParts(cardParts(sample.card, people), locale)).toEqual([]);
  });
});

describe('the check itself', () => {
  it('finds a bokmål button on a nynorsk card, a nynorsk word on a bokmål one, English on either', () => {
    expect(foreignParts(['Stem'], 'nn')).toEqual(['nb «Stem»']);
    expect(foreignParts(['Du har ikkje røysta'], 'nb')).toEqual(expect.arrayContaining(['nn word «ikkje» in «Du har ikkje røysta»']));
    expect(foreignParts(['Waiting for the leader'], 'nn')).toEqual(expect.arrayContaining(['en word «the» in «Waiting for the leader»']));
    expect(foreignParts(['Røyst', 'Du har ikkje røysta enno'], 'nn')).toEqual([]);
  });

  it('leaves out what people wrote', () => {
    const card = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Begrunnelse: Vi bør ikke vente' }] };
    expect(cardParts(card, ['Vi bør ikke vente']).map((s) => s.trim())).toEqual(['Begrunnelse:']);
  });
});
