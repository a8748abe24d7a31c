import { plain } from '../../cards/escape';
import { setAnnouncementChannel } from '../../domain/conversations';
import { say, type Reply } from '../reply';
import type { Turn } from '../turn';

/** "kunngjøringer her", typed in a channel by the secretariat, makes it the network's announcement channel. */
export async function announceHere(turn: Turn): Promise<Reply> {
  const actor = turn.may('channel.announce');
  const { kind, ref } = turn.conversation;
  if (kind !== 'channel') return say(turn.t.announce.notChannel);
  await turn.update((p) => setAnnouncementChannel(p, actor, ref, kind));
  return say(turn.t.announce.set(plain(turn.network.name)));
}
