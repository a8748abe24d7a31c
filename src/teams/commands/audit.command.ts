import type { TurnContext } from 'botbuilder';
import { card, heading, paragraph } from '../../cards/card';
import { requirePermission } from '../actor';
import { sendCard, type Turn } from '../turn';

const SHOWN = 25;

/** "revisjonslogg": the latest changes in the network, and a link to the whole log. Secretariat only. */
export async function auditLog(context: TurnContext, turn: Turn): Promise<void> {
  requirePermission(context, turn, 'audit.read');
  const { t, deps } = turn;
  const entries = await deps.audit.recent(10_000, turn.network.id);
  const name = (personId?: string, actor?: string) => turn.portfolio.people.find((x) => x.id === personId)?.name ?? (actor === 'flokk' ? t.audit.flokk : actor ?? '?');
  const rows = entries.slice(0, SHOWN).map((e) =>
    paragraph(`${e.at.slice(0, 16).replace('T', ' ')} · **${name(e.personId, e.actor)}** · ${e.action} · ${Object.values(e.objects).join(', ')}`, { spacing: 'None', size: 'Small' }),
  );
  const link = deps.exports.put({
    name: `revisjonslogg-${turn.network.id}.jsonl`,
    contentType: 'application/x-ndjson; charset=utf-8',
    body: [...entries].reverse().map((e) => JSON.stringify(e)).join('\n') + '\n',
  });
  await sendCard(context, card([heading(t.audit.title), ...(rows.length > 0 ? rows : [paragraph(t.audit.empty)]), paragraph(`[${t.audit.export}](${link})`)], [], t.audit.title));
}
