/**
 * Room for an optional language-model fallback, off by default: for a message the offline
 * understanding could not place (it reached `freeText` and names no project), a fallback may
 * propose one of the route table's intents with its input. Its proposal is parsed with that
 * intent's input schema like any other input, and the route's access still applies, so a
 * fallback can never reach more than typing the phrase would. Flokk works fully without one;
 * no test needs it. Wiring it in means passing one in TurnServices (composition root).
 */
export interface UnderstandingFallback {
  /** An intent of INTENTS and its raw input, or undefined to keep "I did not understand". */
  place(text: string, intents: readonly string[], locale: string): Promise<{ intent: string; input: Record<string, unknown> } | undefined>;
}

/** The default: no fallback. */
export const NO_FALLBACK: UnderstandingFallback = { place: async () => undefined };
