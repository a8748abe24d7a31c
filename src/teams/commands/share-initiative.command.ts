import { renderInitiativeForm } from '../../cards/initiative.card';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

/** "del initiativ Felles journal" → the share form, with the title filled in. */
export async function shareInitiativeForm(turn: Turn, { title }: { title: string }): Promise<Reply> {
  return show(renderInitiativeForm(turn.portfolio, turn.network, { title: title.slice(0, 200) }, {}, turn.locale));
}
