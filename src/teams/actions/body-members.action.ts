import type { DataFor } from '../../cards/actions';
import { renderBodiesCard } from '../../cards/bodies.card';
import { plain } from '../../cards/escape';
import { addBodyMember, bodyIn, endBodyTerm, makeBodyLeader, setBodyDeputy } from '../../domain/bodies';
import { DomainError } from '../../domain/errors';
import { may } from '../../domain/people';
import type { Body } from '../../domain/schema';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * The secretariat changes who sits on a body from the bodies card: each button names the body,
 * the card's inputs the people and dates; the domain checks them against the store. Each answers
 * with the card again, this body's forms open and a sentence saying what changed.
 */

const nameOf = (turn: Turn, personId: string) => plain(turn.read().people.find((x) => x.id === personId)?.name ?? '?');
const chosen = (personId: string, field: string) => {
  if (!personId) throw new DomainError('INPUT.INVALID', { field });
  return personId;
};

function answer(turn: Turn, body: Body, notice?: string): Reply {
  const viewer = turn.viewer();
  const canManage = !!viewer && may(viewer, 'bodies.manage');
  return show(renderBodiesCard(turn.read(), turn.network, turn.now(), turn.locale, { canManage, selectedBodyId: body.id, notice }));
}

/** Opens one body's forms (or just shows it again, for someone who may only look). */
export async function bodyShow(turn: Turn, data: DataFor<'body.show'>): Promise<Reply> {
  return answer(turn, bodyIn(turn.portfolio, turn.network.id, data.bodyId));
}

export async function bodyAddMember(turn: Turn, data: DataFor<'body.addMember'>): Promise<Reply> {
  const actor = turn.may('bodies.manage');
  const personId = chosen(data.personId, 'personId');
  const body = await turn.update((p) => addBodyMember(p, actor, data.bodyId, { personId, role: data.role, from: data.fromDate || undefined, to: data.toDate || undefined }, turn.now()));
  const notice = data.role === 'leader' ? turn.t.bodies.leaderNow(nameOf(turn, personId), plain(body.name)) : turn.t.bodies.added(nameOf(turn, personId), plain(body.name));
  return answer(turn, body, notice);
}

export async function bodyEndTerm(turn: Turn, data: DataFor<'body.endTerm'>): Promise<Reply> {
  const actor = turn.may('bodies.manage');
  const personId = chosen(data.endPersonId, 'endPersonId');
  const { body, lastDay, removed } = await turn.update((p) => endBodyTerm(p, actor, data.bodyId, personId, data.lastDay || undefined, turn.now()));
  const name = nameOf(turn, personId);
  return answer(turn, body, removed ? turn.t.bodies.removed(name, plain(body.name)) : turn.t.bodies.ended(name, plain(body.name), lastDay));
}

export async function bodyMakeLeader(turn: Turn, data: DataFor<'body.makeLeader'>): Promise<Reply> {
  const actor = turn.may('bodies.manage');
  const personId = chosen(data.leaderPersonId, 'leaderPersonId');
  const body = await turn.update((p) => makeBodyLeader(p, actor, data.bodyId, personId, turn.now()));
  return answer(turn, body, turn.t.bodies.leaderNow(nameOf(turn, personId), plain(body.name)));
}

export async function bodySetDeputy(turn: Turn, data: DataFor<'body.setDeputy'>): Promise<Reply> {
  const actor = turn.may('bodies.manage');
  const personId = chosen(data.memberPersonId, 'memberPersonId');
  const deputyId = data.deputyPersonId || undefined;
  const body = await turn.update((p) => setBodyDeputy(p, actor, data.bodyId, personId, deputyId, turn.now()));
  const notice = deputyId ? turn.t.bodies.deputySet(nameOf(turn, personId), nameOf(turn, deputyId)) : turn.t.bodies.deputyRemoved(nameOf(turn, personId));
  return answer(turn, body, notice);
}
