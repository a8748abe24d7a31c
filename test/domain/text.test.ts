import { fold, foldKey } from '../../src/domain/text';

describe('fold', () => {
  it.each([
    ['Ørland', 'orland'],
    ['Åfjord', 'afjord'],
    ['Aafjord', 'afjord'],
    ['AAFJORD', 'afjord'],
    ['Bømlo', 'bomlo'],
    ['Nærøysund', 'naeroysund'],
    ['Æøå', 'aeoa'],
    ['Frösö', 'froso'],
    ['Crème brûlée', 'creme brulee'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('makes the old and new spellings and a typed-without-æøå spelling meet', () => {
    expect(fold('Åfjord')).toBe(fold('Aafjord'));
    expect(fold('Ørland')).toBe(fold('Orland'));
    expect(fold('Nærøysund')).toBe(fold('Naeroysund'));
  });

  it('keeps punctuation and spacing (that is foldKey’s job)', () => {
    expect(fold('Felles sak-/arkivsystem')).toBe('felles sak-/arkivsystem');
  });

  it('keeps Ørland and Orkland apart', () => {
    expect(fold('Ørland')).not.toBe(fold('Orkland'));
  });
});

describe('foldKey', () => {
  it.each([
    ['Felles sak-/arkivsystem', 'felles sak arkivsystem'],
    ['  «Ørland»  kommune! ', 'orland kommune'],
    ['plan/bygg/geodata', 'plan bygg geodata'],
    ['eHelse', 'ehelse'],
    ['Steinkjer,Namsos', 'steinkjer namsos'],
    ['Kommune 5001', 'kommune 5001'],
    ['?!…', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldKey(input)).toBe(expected);
  });

  it('makes spellings that differ only in punctuation and case equal, but not differently split words', () => {
    expect(foldKey('felles sak/arkiv-system')).not.toBe(foldKey('Felles sak-/arkivsystem'));
    expect(foldKey('FELLES SAK – ARKIVSYSTEM')).toBe(foldKey('Felles sak-/arkivsystem'));
  });
});
