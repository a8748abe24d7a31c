import { parseCommand, stripMentions } from '../../../src/teams/commands/parse';
import { parseFilterText } from '../../../src/teams/filter-text';

/**
 * Every expression that reads chat text is linear. app.ts refuses a message over
 * MAX_COMMAND_LENGTH before parsing it; these call the parser directly with far longer text, where
 * a backtracking expression (30,000 characters of «?.?.…x» took about 1.5 s) shows at once.
 */
const LONG = 30_000;
const msOf = (run: () => unknown): number => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

describe('parsing cost', () => {
  it('drops trailing punctuation without retrying a long run of it («?.?.…x»)', () => {
    expect(msOf(() => parseCommand('?.'.repeat(LONG / 2) + 'x'))).toBeLessThan(150);
    expect(parseCommand('prosjekt barnevern?!. .')).toEqual({ kind: 'project', query: 'barnevern' });
  });

  it('strips tags without scanning past another «<» («<<<<…»)', () => {
    expect(msOf(() => stripMentions('<'.repeat(LONG)))).toBeLessThan(150);
    expect(stripMentions('a <b> c <at>Flokk</at> d')).toBe('a c d');
  });

  it('unquotes a name without retrying a long run of quotes', () => {
    expect(msOf(() => parseCommand('prosjekt ' + '»'.repeat(LONG) + 'x'))).toBeLessThan(150);
    expect(parseCommand('prosjekt «barnevern»')).toEqual({ kind: 'project', query: 'barnevern' });
  });

  it('finds filter keys without rescanning a long word or a long run of blanks', () => {
    expect(msOf(() => parseFilterText('a'.repeat(LONG), {}))).toBeLessThan(150);
    expect(msOf(() => parseFilterText('status:' + ' '.repeat(LONG) + 'x', {}))).toBeLessThan(150);
    expect(parseFilterText('journal status:i gang område:arkivering', { status: 'status', omrade: 'area' })).toEqual({
      free: 'journal',
      values: { status: 'i gang', area: 'arkivering' },
      typed: { status: 'status', area: 'område' },
      unknownKeys: [],
    });
  });
});
