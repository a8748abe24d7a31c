import { z } from 'zod/v4';

/**
 * Every Action.Execute verb Flokk's cards use, and the data each carries (ids, never objects).
 * Handlers parse `{ verb, ...data }` with `ActionData` before using anything in it.
 */
export const VERB = {
  projectShow: 'project.show',
  portfolioPage: 'portfolio.page',
} as const;
export type Verb = (typeof VERB)[keyof typeof VERB];

const Id = z.string().min(1).max(100);
const Choice = z.string().max(100).optional();

export const ActionData = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal(VERB.projectShow), projectId: Id }),
  z.object({
    verb: z.literal(VERB.portfolioPage),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    status: Choice,
    area: Choice,
    horizon: Choice,
    owner: Choice,
  }),
]);
export type ActionData = z.infer<typeof ActionData>;
export type DataFor<V extends Verb> = Omit<Extract<ActionData, { verb: V }>, 'verb'>;

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: Verb;
  data: Record<string, unknown>;
  style?: 'positive' | 'destructive';
}

export function execute<V extends Verb>(title: string, verb: V, data: Partial<DataFor<V>>): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data: { ...data } };
}
