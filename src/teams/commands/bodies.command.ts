import { renderBodiesCard } from '../../cards/bodies.card';
import { programmeBoardOf } from '../../domain/bodies';
import { may } from '../../domain/people';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * «programstyret», «styringsgruppa», «organ», «board»: who sits on each body of the network today.
 * Anyone may look; the secretariat also gets the programme board's forms, and a button to open
 * another body's.
 */
export async function bodies(turn: Turn): Promise<Reply> {
  const viewer = turn.viewer();
  const canManage = !!viewer && may(viewer, 'bodies.manage');
  const selectedBodyId = programmeBoardOf(turn.portfolio, turn.network.id)?.id;
  return show(renderBodiesCard(turn.portfolio, turn.network, turn.now(), turn.locale, { canManage, selectedBodyId }));
}
