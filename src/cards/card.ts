/** Adaptive Card scaffolding shared by every card. Cards are plain JSON: data in, JSON out. */
export type AdaptiveCard = {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: unknown[];
  actions?: unknown[];
  msteams?: Record<string, unknown>;
  fallbackText?: string;
  [key: string]: unknown;
};

export function card(body: unknown[], actions: unknown[] = [], fallbackText?: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
    ...(fallbackText ? { fallbackText } : {}),
  };
}

export const heading = (text: string) => ({ type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true });
export const subheading = (text: string) => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' });
export const paragraph = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
export const facts = (pairs: Array<[string, string]>) => ({
  type: 'FactSet',
  facts: pairs.map(([title, value]) => ({ title, value })),
});
export const badge = (text: string) => ({ type: 'TextBlock', text, isSubtle: true, size: 'Small', spacing: 'None', wrap: true });
