import { say, type Reply } from '../reply';
import type { Turn } from '../turn';

/** «hei», «takk»: a friendly word back, with an example of what to ask, never "I did not understand". */
export async function greeting(turn: Turn, { says }: { says: 'hello' | 'thanks' }): Promise<Reply> {
  return say(says === 'hello' ? turn.t.understanding.hello : turn.t.understanding.thanks);
}
