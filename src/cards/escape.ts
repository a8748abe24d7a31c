import { normaliseText } from '../domain/text';

/**
 * User text, made to show as typed wherever Teams reads Markdown: a TextBlock's `text`, a fact's
 * title and value, a thumbnail's text, and a chat message's text. No link, emphasis, list,
 * heading, code, `<at>` mention, tag or entity survives; ordinary Norwegian text is unchanged.
 * Input values, choice titles and action titles are not Markdown and take the text as it is.
 */
// Look-alikes, not backslash escapes: Teams mobile showed `\*` as typed and its shared parser ignores escapes inside emphasis (AdaptiveCards #5590, #5758, #7474; Teams-AdaptiveCards-Mobile #58, #83), iOS renders text holding `<` or `&` as HTML (AdaptiveCards #5439) and entities show raw on mobile (msteams-docs #10997).
const LOOK_ALIKE: Readonly<Record<string, string>> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\uFF3F', // ＿
  '[': '\uFF3B', // ［
  ']': '\uFF3D', // ］
  '<': '\uFF1C', // ＜
  '>': '\uFF1E', // ＞
  '`': '\u02CB', // ˋ
  '~': '\u223C', // ∼
  '\\': '\u2216', // ∖
  '&': '\uFF06', // ＆, only where it would start an entity
  '{': '\uFF5B', // ｛, only in {{ (the card's DATE()/TIME() functions)
};
/** Markers that only count at the start of a line: lists, headings, rules. */
const LINE_START: Readonly<Record<string, string>> = {
  '-': '\u2010', // ‐ hyphen
  '+': '\uFF0B', // ＋
  '#': '\uFF03', // ＃
  '=': '\uFF1D', // ＝
  '.': '\u2024', // ․ one dot leader, in "1."
  ')': '\uFF09', // ）, in "1)"
};

// Linear: single characters, a bounded look-ahead, and at a line start a run of blanks then one bounded token.
const INLINE = /[*_[\]<>`~\\]|&(?=#?[0-9a-z]{1,32};)|\{(?=\{)/gi;
const LINE_MARKER = /(^|\n)([ \t]*)([-+#=]|\d{1,9}[.)])/g;

export function plain(text: string): string {
  return normaliseText(text, { multiline: true })
    .replace(INLINE, (c) => LOOK_ALIKE[c] ?? c)
    .replace(LINE_MARKER, (_, start: string, blanks: string, marker: string) => start + blanks + marker.slice(0, -1) + (LINE_START[marker.slice(-1)] ?? ''));
}

/**
 * The address for a Markdown link `[text](address)` to a user's URL: http(s) only, in the URL
 * parser's own form, with the brackets that would end or nest the link percent-encoded.
 * Undefined for anything else, which is then shown as plain text, not as a link.
 */
export function linkTarget(url: string): string | undefined {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return undefined;
  }
  if (!/^https?:/i.test(href)) return undefined;
  return href.replace(/[()[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
