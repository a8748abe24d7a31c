import { NameIndex, type Searchable } from '../../src/domain/search';

interface Thing {
  id: string;
  name: string;
  extra?: string;
}

const index = (things: Thing[]) => new NameIndex<Thing>(things, (x): Searchable => ({ id: x.id, name: x.name, extra: x.extra }));
const ids = (xs: Thing[]) => xs.map((x) => x.id);

const things: Thing[] = [
  { id: 'sak', name: 'Felles sak-/arkivsystem', extra: 'arkivering Trondheim' },
  { id: 'felles', name: 'Felles' },
  { id: 'barnevern', name: 'Felles fagsystem for barnevern', extra: 'barnevern Levanger' },
  { id: 'velferd', name: 'Velferdsteknologi i hjemmetjenesten', extra: 'velferdsteknologi Indre Fosen' },
  { id: 'ørland', name: 'Ørland' },
  { id: 'orkland', name: 'Orkland' },
];

describe('NameIndex.resolve', () => {
  const idx = index(things);

  it('finds an exact name, folded and however it is punctuated', () => {
    expect(idx.resolve('felles sak arkivsystem')).toEqual({ kind: 'found', item: things[0] });
    expect(idx.resolve('ORLAND')).toEqual({ kind: 'found', item: things[4] });
  });

  it('prefers the exact name over longer names that start with it', () => {
    expect(idx.resolve('Felles')).toEqual({ kind: 'found', item: things[1] });
  });

  it('tells Orkland from Ørland', () => {
    expect(idx.resolve('Orkland')).toEqual({ kind: 'found', item: things[5] });
    expect(idx.resolve('Orland')).toEqual({ kind: 'found', item: things[4] });
  });

  it('finds words in any order, by prefix and with a small typo', () => {
    for (const q of ['sak arkiv', 'arkiv sak', 'arkivsytem', 'barnevren', 'hjemmetjen']) {
      const r = idx.resolve(q);
      expect(r.kind).toBe('found');
    }
    expect(idx.resolve('arkiv sak')).toEqual({ kind: 'found', item: things[0] });
    expect(idx.resolve('barnevren')).toEqual({ kind: 'found', item: things[2] });
  });

  it('drops stop words such as "prosjektet" and "kommune"', () => {
    expect(idx.resolve('prosjektet barnevern')).toEqual({ kind: 'found', item: things[2] });
    expect(idx.resolve('Orkland kommune')).toEqual({ kind: 'found', item: things[5] });
  });

  it('calls two things with the same name ambiguous, even on an exact match', () => {
    const twins = index([
      { id: 'a', name: 'Digital byggesak' },
      { id: 'b', name: 'Digital byggesak' },
    ]);
    expect(twins.resolve('digital byggesak')).toEqual({ kind: 'ambiguous', candidates: [{ id: 'a', name: 'Digital byggesak' }, { id: 'b', name: 'Digital byggesak' }] });
  });

  it('offers at most five candidates when many names match equally', () => {
    const many = index(Array.from({ length: 9 }, (_, i) => ({ id: `p${i}`, name: `Digital tjeneste nummer ${i}` })));
    const r = many.resolve('digital');
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect(r.candidates).toHaveLength(5);
  });

  it('answers none without suggestions for nonsense and for an empty query', () => {
    expect(idx.resolve('xyzzy')).toEqual({ kind: 'none', suggestions: [] });
    expect(idx.resolve('')).toEqual({ kind: 'none', suggestions: [] });
    expect(idx.resolve('  ?! ')).toEqual({ kind: 'none', suggestions: [] });
  });

  it('suggests near misses it would not accept as a match', () => {
    const towns = index([
      { id: 'namsos', name: 'Namsos' },
      { id: 'steinkjer', name: 'Steinkjer' },
    ]);
    expect(towns.resolve('Namsso')).toEqual({ kind: 'none', suggestions: [{ id: 'namsos', name: 'Namsos' }] });
  });
});

describe('NameIndex.search', () => {
  const idx = index(things);

  it('returns everything that matches any word, best first, up to the limit', () => {
    const hits = idx.search('felles barnevern');
    expect(hits[0]!.id).toBe('barnevern');
    expect(ids(hits)).toEqual(expect.arrayContaining(['sak', 'felles', 'barnevern']));
    expect(ids(hits)).not.toContain('orkland');
    expect(idx.search('felles', 2)).toHaveLength(2);
  });

  it('returns nothing for an empty query', () => {
    expect(idx.search('')).toEqual([]);
    expect(idx.search(' - ')).toEqual([]);
  });
});
