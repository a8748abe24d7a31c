import type { Locale } from '../domain/schema';
import { messages } from '../i18n';
import { card, paragraph, type AdaptiveCard } from './card';
import { linkTarget, plain } from './escape';

/**
 * A file ready to download: a sentence and a real button (Action.OpenUrl). A Markdown link in a
 * sentence showed as raw `[last ned](…)` text in some clients; a button opens in every one.
 */
export function renderDownloadCard(locale: Locale, fileName: string, url: string): AdaptiveCard {
  const t = messages(locale);
  const href = linkTarget(url);
  return card(
    [paragraph(t.download.ready(plain(fileName))), paragraph(t.download.expires, { isSubtle: true, size: 'Small', spacing: 'Small' })],
    href ? [{ type: 'Action.OpenUrl', title: t.download.open, url: href, style: 'positive' }] : [],
    t.download.ready(fileName),
  );
}
