import type { DataFor } from '../../cards/actions';
import { plain } from '../../cards/escape';
import { renderRolesCard } from '../../cards/roles.card';
import { setRoles } from '../../domain/people';
import { Role } from '../../domain/schema';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

export async function rolesShow(turn: Turn, data: DataFor<'roles.show'>): Promise<Reply> {
  return show(renderRolesCard(turn.portfolio, turn.network, turn.locale, data.personId || undefined));
}

/** The secretariat sets one person's roles; the roles come from the card, the secretariat from the activity. */
export async function rolesSet(turn: Turn, data: DataFor<'roles.set'>): Promise<Reply> {
  const actor = turn.may('roles.manage');
  const roles = data.roles
    .split(',')
    .map((r) => r.trim())
    .filter((r): r is Role => Role.safeParse(r).success);
  const person = await turn.update((p) => setRoles(p, actor, data.personId, roles));
  const { t } = turn;
  const notice = t.roles.saved(plain(person.name), person.roles.map((r) => t.roles.names[r]).join(', '));
  return show(renderRolesCard(turn.read(), turn.network, turn.locale, person.id, notice));
}
