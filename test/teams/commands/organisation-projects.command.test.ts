import { VERB } from '../../../src/cards/actions';
import { demoPortfolio } from '../../../src/flokk';
import { organisationProjects } from '../../../src/teams/commands/organisation-projects.command';
import { STRANGER } from '../../fixtures/activities';
import { cardOf, executesOf, headingOf, textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const portfolio = demoPortfolio();
const turnIn = (networkId = 'digitrondelag', locale: 'nb' | 'en' = 'nb') => aTurn(portfolio, { networkId, locale, from: STRANGER }).turn;

describe('organisationProjects', () => {
  it('lists what the organisation owns, then what it takes part in', async () => {
    const card = cardOf(await organisationProjects(turnIn(), { query: 'Orkland' }));
    expect(headingOf(card)).toBe('Prosjekter for Orkland');
    const text = textOf(card);
    const owns = text.indexOf('Eier');
    const takesPart = text.indexOf('Deltar i');
    expect(owns).toBeGreaterThan(-1);
    expect(takesPart).toBeGreaterThan(owns);
    const before = (title: string) => text.indexOf(title) > owns && text.indexOf(title) < takesPart;
    const after = (title: string) => text.indexOf(title) > takesPart;
    expect(before('Lederutviklingsprogram for digital transformasjon')).toBe(true);
    expect(before('Digital hjemmeoppfølging av kronisk syke')).toBe(true);
    expect(after('Felles sak-/arkivsystem')).toBe(true);
    expect(after('Felles logganalyse og hendelseshåndtering')).toBe(true);
    expect(executesOf(card).map((a) => a.data.projectId)).toEqual([
      'p-lederutvikling',
      'p-digital-hjemmeoppfolging',
      'p-felles-sak-arkiv',
      'p-depot-digitalt-arkiv',
      'p-ki-arkiv-saksbehandling',
      'p-logganalyse-hendelser',
    ]);
    expect(executesOf(card).every((a) => a.verb === VERB.projectShow)).toBe(true);
  });

  it('finds the organisation with æ/ø/å folded', async () => {
    const card = cardOf(await organisationProjects(turnIn(), { query: 'Orland' }));
    expect(headingOf(card)).toBe('Prosjekter for Ørland');
    expect(textOf(card)).toContain('Felles informasjonssikkerhetsarbeid');
  });

  it('says "none" under a heading with nothing in it', async () => {
    const card = cardOf(await organisationProjects(turnIn(), { query: 'Oppdal' }));
    const text = textOf(card);
    expect(text.slice(text.indexOf('Eier'), text.indexOf('Deltar i'))).toContain('Ingen');
    expect(text.slice(text.indexOf('Deltar i'))).toContain('Depotløsning for digitalt arkiv');
  });

  it('says an organisation has no projects at all in a sentence', async () => {
    const reply = await organisationProjects(turnIn(), { query: 'Selbu' });
    expect(reply).toEqual({ text: 'Selbu eier ikke og deltar ikke i noen prosjekter i porteføljen.', effects: [] });
  });

  it('asks which one when the name fits several organisations', async () => {
    const reply = await organisationProjects(turnIn(), { query: 'Trøndelag' });
    expect(reply.text).toBe('Mente du ett av disse? Trøndelag fylkeskommune, KS Trøndelag, Statsforvalteren i Trøndelag');
  });

  it('suggests the closest name when none matches', async () => {
    const reply = await organisationProjects(turnIn(), { query: 'Orklax' });
    expect(reply.text).toBe('Jeg fant ingen medlemsorganisasjon som passer «Orklax». Nærmeste treff: Orkland.');
  });

  it('says so plainly when nothing is close', async () => {
    const reply = await organisationProjects(turnIn(), { query: 'Bergen' });
    expect(reply.text).toBe('Jeg fant ingen medlemsorganisasjon som passer «Bergen».');
  });

  it('knows the other network’s members in that network only', async () => {
    const card = cardOf(await organisationProjects(turnIn('digi-vestland', 'en'), { query: 'Bergen' }));
    expect(headingOf(card)).toBe('Projects for Bergen');
    expect(textOf(card)).toContain('Nytt fagsystem for barnevern');
  });
});
