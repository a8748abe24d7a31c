import { PortfolioLookup } from '../../src/domain/lookup';
import type { Locale } from '../../src/domain/schema';
import { demoPortfolio } from '../../src/flokk';
import { messages } from '../../src/i18n';
import { parseFilterText, resolveFilter } from '../../src/teams/portfolio-view';
import type { Turn } from '../../src/teams/turn';
import { aTurn } from './turn-builder';

const portfolio = demoPortfolio();
const network = portfolio.networks.find((n) => n.id === 'digitrondelag')!;
const turnIn = (locale: Locale = 'nb'): Turn => aTurn(portfolio, { networkId: network.id, locale }).turn;
const resolveText = (text: string, locale: Locale = 'nb') => resolveFilter(turnIn(locale), parseFilterText(text).raw);

describe('parseFilterText', () => {
  it('splits key:value pairs whose values may contain spaces', () => {
    expect(parseFilterText('status:i gang område:arkivering horisont:H1 eier:Midtre Gauldal')).toEqual({
      raw: { status: 'i gang', area: 'arkivering', horizon: 'H1', owner: 'Midtre Gauldal' },
      unknownKeys: [],
    });
  });

  it('knows the nynorsk and English keys and tolerates space around the colon', () => {
    expect(parseFilterText('eigar: Ørland area : eHelse horizon:H2').raw).toEqual({ owner: 'Ørland', area: 'eHelse', horizon: 'H2' });
    expect(parseFilterText('omrade:arkivering owner:Trondheim').raw).toEqual({ area: 'arkivering', owner: 'Trondheim' });
  });

  it('reports unknown keys and keeps the known ones', () => {
    expect(parseFilterText('farge:blå status:i gang')).toEqual({ raw: { status: 'i gang' }, unknownKeys: ['farge'] });
  });

  it('gives an empty filter for text without pairs', () => {
    expect(parseFilterText('')).toEqual({ raw: {}, unknownKeys: [] });
  });
});

describe('resolveFilter', () => {
  it('resolves labels, codes and names to a filter', () => {
    expect(resolveText('status:i gang område:arkivering horisont:H1 eier:Trondheim')).toEqual({
      filter: { status: 'active', area: 'arkivering', horizon: 'H1', ownerOrganisationId: 'kommune-5001' },
      problems: [],
    });
  });

  it.each([
    ['status:til handsaming', 'under_consideration'],
    ['status:Til behandling', 'under_consideration'],
    ['status:active', 'active'],
    ['status:under_consideration', 'under_consideration'],
    ['status:sett på vent', 'paused'],
    ['status:foreslatt', 'proposed'],
  ])('understands %s in any language', (text, status) => {
    expect(resolveText(text)).toEqual({ filter: { status }, problems: [] });
  });

  it('accepts a bare horizon number and a partial, folded area or owner name', () => {
    expect(resolveText('horisont:2 område:barnevern eier:orland')).toEqual({
      filter: { horizon: 'H2', area: 'felles fagsystem for barnevern', ownerOrganisationId: 'kommune-5057' },
      problems: [],
    });
  });

  it('accepts an owner id only from its own network', () => {
    expect(resolveFilter(turnIn(), { owner: 'kommune-5059' }).filter).toEqual({ ownerOrganisationId: 'kommune-5059' });
    const other = resolveFilter(turnIn(), { owner: 'kommune-4601' });
    expect(other.filter).toEqual({});
    expect(other.problems).toHaveLength(1);
  });

  it('reports a bad value as a problem in the turn’s language and leaves it out of the filter', () => {
    const nb = resolveText('status:kanskje horisont:H4');
    expect(nb.filter).toEqual({});
    expect(nb.problems).toEqual([
      messages('nb').portfolio.unknownValue('status', 'kanskje'),
      messages('nb').portfolio.unknownValue('horisont', 'H4'),
    ]);
    const en = resolveText('status:maybe', 'en');
    expect(en.problems).toEqual(['"maybe" is not a valid value for status.']);
  });

  it('reports an area that matches several of the network’s areas as a problem', () => {
    const r = resolveText('område:felles');
    expect(r.filter).toEqual({});
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain('felles');
  });

  it('ignores blank values', () => {
    expect(resolveFilter(turnIn(), { status: ' ', area: '', horizon: undefined, owner: '' })).toEqual({ filter: {}, problems: [] });
  });
});
