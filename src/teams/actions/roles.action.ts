import type { TurnContext } from 'botbuilder';
import type { DataFor } from '../../cards/actions';
import { renderRolesCard } from '../../cards/roles.card';
import { setRoles } from '../../domain/people';
import { Role } from '../../domain/schema';
import { requirePermission } from '../actor';
import type { Turn } from '../turn';

export async function rolesShow(context: TurnContext, turn: Turn, data: DataFor<'roles.show'>) {
  requirePermission(context, turn, 'roles.manage');
  return renderRolesCard(turn.portfolio, turn.network, turn.locale, data.personId || undefined);
}

/** The secretariat sets one person's roles; the roles come from the card, the secretariat from the activity. */
export async function rolesSet(context: TurnContext, turn: Turn, data: DataFor<'roles.set'>) {
  const actor = requirePermission(context, turn, 'roles.manage');
  const roles = data.roles
    .split(',')
    .map((r) => r.trim())
    .filter((r): r is Role => Role.safeParse(r).success);
  const person = await turn.deps.store.update((p) => setRoles(p, actor, data.personId, roles));
  const t = turn.t;
  const notice = t.roles.saved(person.name, person.roles.map((r) => t.roles.names[r]).join(', '));
  return renderRolesCard(turn.deps.store.read(), turn.network, turn.locale, person.id, notice);
}
