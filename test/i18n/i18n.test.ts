import { chooseLocale, formatNumber, messages } from '../../src/i18n';
import { boardWordOf } from '../../src/domain/body-terms';
import { demoPortfolio } from '../../src/flokk';

describe('chooseLocale', () => {
  it.each([
    ['nb-NO', 'nb'],
    ['nb', 'nb'],
    ['no', 'nb'],
    ['no-NO', 'nb'],
    ['nn-NO', 'nn'],
    ['NN-no', 'nn'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
  ] as const)('%s → %s', (tag, locale) => {
    expect(chooseLocale(tag, 'en' === locale ? 'nb' : 'en')).toBe(locale);
  });

  it.each([['de-DE'], ['sv-SE'], [''], ['nob'], ['english']])('falls back for %j', (tag) => {
    expect(chooseLocale(tag, 'nn')).toBe('nn');
    expect(chooseLocale(tag, 'en')).toBe('en');
  });

  it('falls back when the activity has no locale', () => {
    expect(chooseLocale(undefined, 'nn')).toBe('nn');
    expect(chooseLocale(undefined, 'nb')).toBe('nb');
  });
});

describe('formatNumber', () => {
  it('groups thousands in Norwegian and English style', () => {
    expect(formatNumber(1_250_000, 'nb').replace(/\s/g, ' ')).toBe('1 250 000');
    expect(formatNumber(1_250_000, 'en')).toBe('1,250,000');
  });
});

/** Every leaf of a catalogue: path → 'string' | 'function/<arity>'. Arrays are walked by index. */
function shape(value: unknown, path = ''): Record<string, string> {
  if (typeof value === 'string') return { [path]: 'string' };
  if (typeof value === 'function') return { [path]: `function/${value.length}` };
  if (value && typeof value === 'object') {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) Object.assign(out, shape(v, path ? `${path}.${k}` : k));
    if (Object.keys(value).length === 0) out[path] = 'empty';
    return out;
  }
  return { [path]: typeof value };
}

function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const sample = (value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, (_, i) => (i === 0 ? 2 : 'x')));
    return [[`${path}()`, String(sample)]];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe('message catalogues', () => {
  const nb = messages('nb');
  const nn = messages('nn');
  const en = messages('en');

  it('nn and en have exactly the keys of nb, with functions (of the same arity) in the same places', () => {
    const reference = shape(nb);
    expect(Object.keys(reference).length).toBeGreaterThan(50);
    expect(shape(nn)).toEqual(reference);
    expect(shape(en)).toEqual(reference);
  });

  it.each(['nb', 'nn', 'en'] as const)('%s has no empty or blank strings, nor any a function returns', (locale) => {
    const blank = strings(messages(locale)).filter(([, text]) => text.trim() === '' || text.includes('undefined'));
    expect(blank).toEqual([]);
  });

  it('nn and en are translations, not copies of nb', () => {
    for (const other of [nn, en]) {
      expect(other.unknown).not.toBe(nb.unknown);
      expect(other.lookup.notFound('x')).not.toBe(nb.lookup.notFound('x'));
      expect(other.errors.unexpected).not.toBe(nb.errors.unexpected);
      expect(other.help.intro).not.toBe(nb.help.intro);
    }
    expect(en.labels.status.active).toBe('Active');
    expect(nn.labels.status.under_consideration).toBe('Til handsaming');
  });

  it('puts the arguments into the sentences', () => {
    for (const t of [nb, nn, en]) {
      expect(t.lookup.notFound('barnevern')).toContain('barnevern');
      expect(t.lookup.ownedBy('Felles sak', 'Trondheim')).toMatch(/Felles sak[\s\S]*Trondheim/);
      expect(t.portfolio.page(2, 3)).toMatch(/2\D+3/);
      expect(t.portfolio.count(7)).toContain('7');
    }
    expect(nb.portfolio.count(1)).toBe('1 prosjekt');
    expect(en.portfolio.count(1)).toBe('1 project');
  });
});

describe("the network's word for its programme board", () => {
  const p = demoPortfolio();

  it('comes from the board’s own name', () => {
    expect(boardWordOf(p, 'digitrondelag')).toBe('programstyret');
    expect(boardWordOf(p, 'digi-vestland')).toBe('styringsgruppa');
    const renamed = { ...p, bodies: p.bodies.map((b) => (b.id === 'ps-digitrondelag' ? { ...b, name: 'DigiTrøndelags programstyre' } : b)) };
    expect(boardWordOf(renamed, 'digitrondelag')).toBe('DigiTrøndelags programstyre');
    expect(boardWordOf(p, 'no-such-network')).toBeUndefined();
  });

  it('is in every sentence that names the board, at the start of a sentence capitalised', () => {
    const nn = messages('nn', 'styringsgruppa');
    expect(nn.lifecycle.submit).toBe('Send til styringsgruppa');
    expect(nn.denied['poll.open']).toBe('Berre sekretariatet og leiaren av styringsgruppa kan starte ei avstemming.');
    expect(nn.fieldErrors.quorumBelowBody).toMatch(/^Styringsgruppa er vedtaksfør/);
    expect(messages('nb', 'programstyret').lifecycle.submit).toBe('Send til programstyret');
    expect(messages('nb').roles.names.board_leader).toBe('Leder av programstyret');
  });

  it.each(['nb', 'nn', 'en'] as const)('leaves no placeholder in %s', (locale) => {
    const left = strings(messages(locale, 'styringsgruppa')).filter(([, text]) => /\{styret\}|\{Styret\}/i.test(text));
    expect(left).toEqual([]);
  });

  it("leaves the user's own text alone", () => {
    expect(messages('nb', 'styringsgruppa').lookup.notFound('{styret}')).toContain('«{styret}»');
  });
});
