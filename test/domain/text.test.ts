import { fold, foldKey, normaliseText, titleKey } from '../../src/domain/text';

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

describe('normaliseText', () => {
  it('composes to NFC', () => {
    const decomposed = 'Ørland Åfjord Bømlo'.normalize('NFD');
    expect(decomposed).not.toBe('Ørland Åfjord Bømlo');
    expect(normaliseText(decomposed)).toBe('Ørland Åfjord Bømlo');
  });

  it.each([
    ['zero-width space', 'sak\u200Barkiv'],
    ['zero-width non-joiner', 'sak\u200Carkiv'],
    ['zero-width joiner', 'sak\u200Darkiv'],
    ['word joiner', 'sak\u2060arkiv'],
    ['byte-order mark', '\uFEFFsakarkiv'],
    ['soft hyphen', 'sak\u00ADarkiv'],
    ['left-to-right and right-to-left marks', '\u200Esak\u200Farkiv'],
    ['Arabic letter mark', 'sak\u061Carkiv'],
    ['embeddings and overrides', '\u202A\u202B\u202Csak\u202D\u202Earkiv\u202C'],
    ['isolates', '\u2066sak\u2067\u2068arkiv\u2069'],
    ['control characters', '\u0000sak\u0007\u001B\u007Farkiv\u0085\u009F'],
  ])('removes %s', (_what, input) => {
    expect(normaliseText(input)).toBe('sakarkiv');
  });

  it('turns tabs and line breaks into spaces in a one-line field', () => {
    expect(normaliseText('Felles\tsak\r\narkiv\nsystem\u2028ny')).toBe('Felles sak arkiv system ny');
  });

  it('keeps tabs and line breaks (as \\n) in a multi-line field', () => {
    expect(normaliseText('Linje 1\r\nLinje 2\rLinje 3\n\tinnrykk\u000B', { multiline: true })).toBe('Linje 1\nLinje 2\nLinje 3\n\tinnrykk');
  });

  it('leaves ordinary text, emoji and other scripts alone (apart from zero-width joiners)', () => {
    for (const s of ['Felles sak-/arkivsystem', '🇳🇴 flokk 🐑', 'مرحبا עברית', 'Crème brûlée']) expect(normaliseText(s)).toBe(s);
  });

  it('makes a zero-width or bidi look-alike of a title fold to the same key as the title', () => {
    expect(titleKey('Felles sak-/arkiv\u200Bsystem')).toBe(titleKey('Felles sak-/arkivsystem'));
    expect(titleKey('\u202AFELLES SAK/ARKIV\u00ADSYSTEM\u202C')).toBe(titleKey('Felles sak-/arkivsystem'));
    expect(foldKey('Felles sak-/arkiv\u200Bsystem')).not.toBe(foldKey('Felles sak-/arkivsystem'));
  });
});
