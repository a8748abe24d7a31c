import { demoPortfolio } from '../../../src/flokk';
import { PortfolioLookup } from '../../../src/domain/lookup';
import { fold } from '../../../src/domain/text';
import { readListQuestion } from '../../../src/domain/understanding/list-question';
import { projectQueryVariants, toBokmal } from '../../../src/domain/understanding/project-query';
import { relativeYear } from '../../../src/domain/understanding/relative-year';

const demo = demoPortfolio();
const lookup = new PortfolioLookup();
const titleOf = (query: string) => {
  const r = lookup.project(demo, 'digitrondelag', query);
  return r.kind === 'found' ? r.item.title : r.kind;
};
const ctx = { portfolio: demo, networkId: 'digitrondelag', areas: demo.networks[0]!.areas };

describe('nynorsk word forms in names', () => {
  it.each([
    ['heimetenesta', 'hjemmetjenesten'],
    ['heimeoppfolginga', 'hjemmeoppfolgingen'],
    ['sakshandsaming', 'saksbehandling'],
    ['leiarutvikling', 'lederutvikling'],
    ['arkiv', 'arkiv'],
  ])('%s is read as %s', (nn, nb) => {
    expect(toBokmal(nn)).toBe(nb);
  });

  it('finds a bokmål title written in nynorsk, without a word of it in the code', () => {
    expect(titleOf('velferdsteknologi i heimetenesta')).toBe('Velferdsteknologi i hjemmetjenesten');
    expect(titleOf('depotløysinga')).toBe('Depotløsning for digitalt arkiv');
  });

  it('tries the nynorsk reading only after the literal ones', () => {
    const variants = projectQueryVariants('heimetenesta');
    expect(variants[0]).toBe('heimetenesta');
    expect(variants).toContain('hjemmetjenesten');
  });

  it('leaves out the words that say what kind of thing is named («forslaget»)', () => {
    expect(projectQueryVariants('planregister-forslaget')).toContain('planregister');
  });
});

describe('folding keeps nynorsk å-words whole', () => {
  it('folds «pågåande» to two a-s, and the old spelling aa still to one', () => {
    expect(fold('pågåande')).toBe('pagaande');
    expect(fold('Aafjord')).toBe(fold('Åfjord'));
  });

  it('reads «pågåande prosjekt» as active projects', () => {
    expect(readListQuestion(ctx, 'pågåande prosjekt')).toMatchObject({ statuses: ['active'], unused: [] });
  });
});

describe('relativeYear', () => {
  const lateDecember = new Date('2026-12-03T12:00:00Z');
  it.each([
    [['vedtak', 'i', 'fjor'], 2025],
    [['decisions', 'last', 'year'], 2025],
    [['i', 'ar'], 2026],
    [['i', 'forfjor'], 2024],
  ])('%j → %i', (words, year) => {
    expect(relativeYear(words, lateDecember)?.year).toBe(year);
  });

  it('counts by the Oslo calendar: just after midnight on New Year in Oslo, «i år» is the new year', () => {
    expect(relativeYear(['i', 'ar'], new Date('2026-12-31T23:30:00Z'))?.year).toBe(2027);
  });

  it('names no year when none is said', () => {
    expect(relativeYear(['vedtak', 'om', 'barnevern'], lateDecember)).toBeUndefined();
  });
});

describe('a list question names its page', () => {
  it('reads «side 2» as the page, not as words it could not use', () => {
    expect(readListQuestion(ctx, 'prosjekter som ikke er avsluttet side 2')).toMatchObject({ page: 2, unused: [] });
    expect(readListQuestion(ctx, 'projects in progress page 3')).toMatchObject({ page: 3, statuses: ['active'] });
    expect(readListQuestion(ctx, 'prosjekter i gang').page).toBe(1);
  });
});
