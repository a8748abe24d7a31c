import { linkTarget, plain } from '../../src/cards/escape';

/** The ASCII characters Teams' Markdown (cards and chat messages) builds markup from, anywhere in a line. */
const INLINE_MARKUP = /[*_[\]<>`~\\]/;
/** Markers that make a list, heading or rule at the start of a line. */
const LINE_MARKUP = /(^|\n)[ \t]*([-+#=]|\d+[.)])/;

describe('plain', () => {
  it('turns a markdown link and emphasis into text that shows as typed', () => {
    const out = plain('Felles [Klikk her for å logge inn](https://evil.example) **HASTER**');
    expect(out).toBe('Felles ［Klikk her for å logge inn］(https://evil.example) ∗∗HASTER∗∗');
    expect(out).not.toMatch(INLINE_MARKUP);
    expect(out).not.toContain('](');
  });

  it('leaves no <at> mention and no tag', () => {
    for (const s of ['<at>Ola</at>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '<https://evil.example>']) {
      const out = plain(s);
      expect(out).not.toMatch(/[<>]/);
      expect(out).not.toContain('<at>');
    }
    expect(plain('<at>Ola</at>')).toBe('＜at＞Ola＜/at＞');
  });

  it.each([
    ['**fet** _kursiv_ `kode` ~~borte~~', '∗∗fet∗∗ ＿kursiv＿ ˋkodeˋ ∼∼borte∼∼'],
    ['![x](https://example.invalid/x.png)', '!［x］(https://example.invalid/x.png)'],
    ['C:\\temp\\*', 'C:∖temp∖∗'],
  ])('neutralises inline markup: %j', (input, expected) => {
    expect(plain(input)).toBe(expected);
  });

  it('neutralises list, heading and rule markers at the start of every line, and only there', () => {
    const out = plain('- en\n+ to\n* tre\n1. fire\n  2) fem\n# overskrift\n> sitat\n---\n===');
    expect(out).toBe('‐ en\n＋ to\n∗ tre\n1․ fire\n  2） fem\n＃ overskrift\n＞ sitat\n‐--\n＝==');
    expect(out).not.toMatch(LINE_MARKUP);
    expect(out).not.toMatch(INLINE_MARKUP);
    expect(plain('\r\n- etter CRLF')).toBe('\n‐ etter CRLF');
  });

  it('breaks entities and the card’s date functions, and keeps a plain ampersand', () => {
    expect(plain('&lt;at&gt;Ola&lt;/at&gt; &#60; &#x3C;')).toBe('＆lt;at＆gt;Ola＆lt;/at＆gt; ＆#60; ＆#x3C;');
    expect(plain('{{DATE(2017-02-14T06:00:00Z, SHORT)}}')).toBe('｛{DATE(2017-02-14T06:00:00Z, SHORT)}}');
    expect(plain('Plan & bygg')).toBe('Plan & bygg');
  });

  it('leaves ordinary Norwegian text exactly as it is', () => {
    for (const s of ['Felles sak-/arkivsystem', 'Ørland – 3.5 millioner kr', 'Velferdsteknologi (H2)', 'Hvem eier dette?', 'KS/Digdir: «Digital post»', 'Steinkjer, Namsos og Frosta', '2026: ny runde']) {
      expect(plain(s)).toBe(s);
    }
  });

  it('drops zero-width and bidi characters and composes to NFC, also in text stored before normalisation', () => {
    expect(plain('Felles sak-/arkiv\u200Bsystem')).toBe('Felles sak-/arkivsystem');
    expect(plain('\u202Eeier hvem\u202C')).toBe('eier hvem');
    expect(plain('Ørland'.normalize('NFD'))).toBe('Ørland');
  });

  it('is stable when applied again (escaping twice changes nothing more)', () => {
    const once = plain('- [x](y) **z** <at>Ola</at> &amp; 1. {{');
    expect(plain(once)).toBe(once);
  });

  it('takes time linear in the length, even on long runs of markup', () => {
    const started = performance.now();
    plain('\n'.repeat(20_000) + ' '.repeat(20_000) + '&'.repeat(20_000) + '{'.repeat(20_000) + '1'.repeat(20_000));
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('linkTarget', () => {
  it('keeps an ordinary https address', () => {
    expect(linkTarget('https://www.ks.no/')).toBe('https://www.ks.no/');
  });

  it('encodes the brackets that would end the link early and start another', () => {
    const target = linkTarget('https://ks.no/a](https://evil.example)')!;
    expect(target).not.toMatch(/[()[\]]/);
    expect(target.startsWith('https://ks.no/')).toBe(true);
  });

  it('gives no link for anything but http(s)', () => {
    expect(linkTarget('javascript:alert(1)')).toBeUndefined();
    expect(linkTarget('not a url')).toBeUndefined();
  });
});
