import { plain } from '../../cards/escape';
import { currentMembers } from '../../domain/bodies';
import { organisation, person } from '../../domain/portfolio-queries';
import type { Body } from '../../domain/schema';
import { fold } from '../../domain/text';
import { say, type Reply } from '../reply';
import type { Turn } from '../turn';

/** Words that name a kind of body, folded; anything else named by the body's own name. */
const KIND_WORDS: ReadonlyArray<readonly [RegExp, Body['kind']]> = [
  [/ressurs|resource/, 'resource_group'],
  [/portefolje|portfolio/, 'portfolio_board'],
  [/fag|expert/, 'expert_group'],
  [/styre|styring|board|steering/, 'programme_board'],
];

/** «hvem sitter i programstyret?», «who is on the resource group?» → today's members, the leader first. */
export async function bodyMembers(turn: Turn, { query }: { query: string }): Promise<Reply> {
  const { t, portfolio } = turn;
  const u = t.understanding;
  const bodies = portfolio.bodies.filter((b) => b.networkId === turn.network.id);
  const key = fold(query);
  const kind = KIND_WORDS.find(([pattern]) => pattern.test(key))?.[1];
  const body = bodies.find((b) => fold(b.name).includes(key)) ?? bodies.find((b) => b.kind === kind);
  if (!body) return say(u.bodyNotFound(plain(query), bodies.map((b) => plain(b.name)).join(', ')));
  const members = [...currentMembers(body, turn.now())].sort((a, b) => Number(b.role === 'leader') - Number(a.role === 'leader'));
  if (members.length === 0) return say(u.bodyEmpty(plain(body.name)));
  const names = members.map((m) => {
    const org = organisation(portfolio, m.organisationId)?.name;
    const extra = [m.role === 'leader' ? u.leader : '', org ? plain(org) : ''].filter(Boolean).join(', ');
    return `${plain(person(portfolio, m.personId)?.name ?? '?')}${extra ? ` (${extra})` : ''}`;
  });
  return say(u.bodyMembers(plain(body.name), names.join('; ')));
}
