import { renderRolesCard } from '../../cards/roles.card';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

export async function roles(turn: Turn): Promise<Reply> {
  return show(renderRolesCard(turn.portfolio, turn.network, turn.locale));
}
