import { parseCommand, stripMentions, type Command } from '../../../src/teams/commands/parse';
import { parseFilterText } from '../../../src/teams/portfolio-view';
import { messages } from '../../../src/i18n';

describe('parseCommand', () => {
  const cases: Array<[string, Command]> = [
    // help, in every language, and an empty message or a bare mention
    ['hjelp', { kind: 'help' }],
    ['HJELP!', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['hva kan du gjøre?', { kind: 'help' }],
    ['kva kan du gjere', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['<at>Flokk</at>', { kind: 'help' }],
    ['<at>Flokk</at> hjelp', { kind: 'help' }],
    // who owns a project
    ['hvem eier felles sak-/arkivsystem?', { kind: 'whoOwns', query: 'felles sak-/arkivsystem' }],
    ['kven eig barnevern', { kind: 'whoOwns', query: 'barnevern' }],
    ['who owns the project barnevern', { kind: 'whoOwns', query: 'barnevern' }],
    ['Hvem eier prosjektet «barnevern»?', { kind: 'whoOwns', query: 'barnevern' }],
    ['<at>Flokk</at>&nbsp;hvem eier X', { kind: 'whoOwns', query: 'X' }],
    // what an organisation owns or takes part in
    ['hva eier Orkland?', { kind: 'organisationProjects', query: 'Orkland' }],
    ['kva eig Ørland', { kind: 'organisationProjects', query: 'Ørland' }],
    ['hva deltar Trondheim i?', { kind: 'organisationProjects', query: 'Trondheim' }],
    ['prosjekter for Ørland', { kind: 'organisationProjects', query: 'Ørland' }],
    ['prosjekt for Ørland', { kind: 'organisationProjects', query: 'Ørland' }],
    ['projects for Orkland', { kind: 'organisationProjects', query: 'Orkland' }],
    ['what does Orkland own?', { kind: 'organisationProjects', query: 'Orkland' }],
    ['which projects does Midtre Gauldal own', { kind: 'organisationProjects', query: 'Midtre Gauldal' }],
    // the portfolio, with or without filters
    ['portefølje', { kind: 'portfolio', filters: '' }],
    ['porteføljen', { kind: 'portfolio', filters: '' }],
    ['portefolje status:i gang område:arkivering', { kind: 'portfolio', filters: 'status:i gang område:arkivering' }],
    ['portfolio status:active', { kind: 'portfolio', filters: 'status:active' }],
    ['prosjekter', { kind: 'portfolio', filters: '' }],
    // one project's card
    ['prosjekt barnevern', { kind: 'project', query: 'barnevern' }],
    ['prosjektet barnevern', { kind: 'project', query: 'barnevern' }],
    ['vis barnevern', { kind: 'project', query: 'barnevern' }],
    ['show barnevern', { kind: 'project', query: 'barnevern' }],
    ['status for barnevern', { kind: 'project', query: 'barnevern' }],
    ['status på barnevern', { kind: 'project', query: 'barnevern' }],
    // anything else
    // A greeting and a request for help is a request for help, not an unknown sentence.
    ['hei, kan du hjelpe meg med noe?', { kind: 'help' }],
    ['barnevern', { kind: 'freeText', text: 'barnevern' }],
    ['<at>Flokk</at> velferdsteknologi', { kind: 'freeText', text: 'velferdsteknologi' }],
  ];

  it.each(cases)('%j → %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('understands every example the help card offers, in every language', () => {
    for (const locale of ['nb', 'nn', 'en'] as const) {
      for (const [example] of messages(locale).help.examples) {
        const command = parseCommand(example);
        expect({ locale, example, kind: command.kind }).not.toEqual({ locale, example, kind: 'freeText' });
      }
    }
  });

  it('leaves filters in the help examples that parseFilterText fully understands', () => {
    for (const locale of ['nb', 'nn', 'en'] as const) {
      for (const [example] of messages(locale).help.examples) {
        const command = parseCommand(example);
        if (command.kind !== 'portfolio') continue;
        expect(command.filters).not.toBe('');
        expect(parseFilterText(command.filters).unknownKeys).toEqual([]);
      }
    }
  });
});

describe('stripMentions', () => {
  it('removes the mention, other tags and non-breaking spaces, and collapses whitespace', () => {
    expect(stripMentions('<at>Flokk</at>&nbsp;hvem  eier\n<b>X</b>')).toBe('hvem eier X');
    expect(stripMentions('  <at>Flokk Bot</at>  ')).toBe('');
    expect(stripMentions('hva eier <AT>Flokk</AT> Ørland')).toBe('hva eier Ørland');
  });

  it('leaves plain text alone', () => {
    expect(stripMentions('prosjekt barnevern')).toBe('prosjekt barnevern');
  });
});

describe('a poll question', () => {
  it('keeps its question mark', () => {
    expect(parseCommand('<at>Flokk</at> avstemning Skal vi ha felles julebord?')).toEqual({ kind: 'openPoll', text: 'Skal vi ha felles julebord?' });
  });
});
