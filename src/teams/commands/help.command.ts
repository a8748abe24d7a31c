import { renderHelpCard } from '../../cards/lookup.card';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

export async function help(turn: Turn): Promise<Reply> {
  return show(renderHelpCard(turn.locale));
}
