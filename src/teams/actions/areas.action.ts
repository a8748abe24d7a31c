import type { DataFor } from '../../cards/actions';
import { renderAreasCard } from '../../cards/areas.card';
import { plain } from '../../cards/escape';
import { parseAreas, setNetworkAreas } from '../../domain/areas';
import { show, type Reply } from '../reply';
import type { Turn } from '../turn';

export async function areasShow(turn: Turn, _data: DataFor<'areas.show'>): Promise<Reply> {
  turn.may('areas.manage');
  return show(renderAreasCard(turn.network, turn.locale));
}

/** The secretariat saves the network's areas; a list that cannot be saved comes back as typed, with why. */
export async function areasSet(turn: Turn, data: DataFor<'areas.set'>): Promise<Reply> {
  const actor = turn.may('areas.manage');
  const { areas, problem } = parseAreas(data.areas);
  if (problem) {
    const why = problem === 'required' ? turn.t.fieldErrors.required : turn.t.areas[problem];
    return show(renderAreasCard(turn.network, turn.locale, { typed: data.areas, problem: why }));
  }
  const network = await turn.update((p) => setNetworkAreas(p, actor, areas));
  return show(renderAreasCard(network, turn.locale, { notice: turn.t.areas.saved(network.areas.map(plain).join(', ')) }));
}
