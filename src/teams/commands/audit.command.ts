import { card, heading, paragraph } from '../../cards/card';
import { plain } from '../../cards/escape';
import { osloDateTime } from '../../domain/time';
import { offer, type Reply } from '../reply';
import type { Turn } from '../turn';

const SHOWN = 25;

/** "revisjonslogg": the latest changes in the network, and a link to the whole log. Secretariat only. */
export async function auditLog(turn: Turn): Promise<Reply> {
  const { t } = turn;
  const entries = await turn.recentAudit(10_000);
  const name = (personId?: string, actor?: string) =>
    turn.portfolio.people.find((x) => x.id === personId)?.name ?? (actor === 'flokk' ? t.audit.flokk : (actor ?? t.audit.anonymous));
  // An anonymous vote is logged with its Oslo date only, and no actor.
  const when = (at: string) => (at.length === 10 ? at : osloDateTime(new Date(at)));
  const rows = entries.slice(0, SHOWN).map((e) =>
    paragraph(`${when(e.at)} · **${plain(name(e.personId, e.actor))}** · ${plain(e.action)} · ${plain(Object.values(e.objects).join(', '))}`, { spacing: 'None', size: 'Small' }),
  );
  const file = {
    name: `revisjonslogg-${turn.network.id}.jsonl`,
    contentType: 'application/x-ndjson; charset=utf-8',
    body: [...entries].reverse().map((e) => JSON.stringify(e)).join('\n') + '\n',
  };
  return offer(file, (url) => card([heading(t.audit.title), ...(rows.length > 0 ? rows : [paragraph(t.audit.empty)]), paragraph(`[${t.audit.export}](${url})`)], [], t.audit.title));
}
