import { plain } from '../../cards/escape';
import { voterKeyFor } from '../../domain/polls';
import { osloDateTime } from '../../domain/time';
import { say, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * «åpne avstemninger», «hva må jeg stemme på?», «what do I need to vote on?» → the network's open
 * polls, each saying whether the asker (if Flokk knows them and may vote) has voted yet.
 */
export async function openPolls(turn: Turn): Promise<Reply> {
  const u = turn.t.understanding;
  const p = turn.read();
  const open = p.polls.filter((x) => x.networkId === turn.network.id && x.status === 'open').sort((a, b) => a.deadline.localeCompare(b.deadline));
  if (open.length === 0) return say(u.noOpenPolls);
  const viewer = turn.viewer();
  let owed = 0;
  const lines = open.map((poll) => {
    const eligible = viewer ? poll.eligiblePersonIds.includes(viewer.personId) : false;
    const voted = eligible && p.votes.some((v) => v.pollId === poll.id && v.voterKey === voterKeyFor(poll, viewer!.personId, turn.voteSecret));
    if (eligible && !voted) owed += 1;
    return u.pollLine(plain(poll.question), osloDateTime(new Date(poll.deadline)), eligible ? (voted ? u.voted : u.notVoted) : '');
  });
  return say([u.openPolls(open.length), ...lines, ...(viewer && owed === 0 ? [u.nothingToVote] : [])].join('\n'));
}
