import type { PortfolioLookup } from '../../domain/lookup';
import type { Portfolio } from '../../domain/schema';
import { readListQuestion } from '../../domain/understanding/list-question';
import { parseCommand, type Command } from '../commands/parse';

/**
 * Understanding one message, as a turn does it before its handler renders: the route table's
 * intent and input (`parseCommand`), then the entities the input names, read against the
 * portfolio. Pure; the benchmark times this, and the language-model fallback (fallback.ts)
 * would start where it ends with nothing placed.
 */
export interface Understood {
  command: Command;
  /** What the entity step found: a project, a list question, or nothing to resolve. */
  entities: 'project' | 'list' | 'none';
}

export function understand(lookup: PortfolioLookup, portfolio: Portfolio, networkId: string, text: string): Understood {
  const command = parseCommand(text);
  const network = portfolio.networks.find((n) => n.id === networkId);
  const list = (t: string): Understood => {
    readListQuestion({ portfolio, networkId, areas: network?.areas ?? [] }, t);
    return { command, entities: 'list' };
  };
  switch (command.kind) {
    case 'whoOwns':
    case 'whoLeads':
    case 'projectStatus':
    case 'project':
    case 'freeText':
      lookup.project(portfolio, networkId, 'query' in command ? command.query : command.text);
      return { command, entities: 'project' };
    case 'organisationProjects':
      return list(command.query);
    case 'portfolio':
    case 'decisions':
    case 'initiatives':
      return command.filters ? list(command.filters) : { command, entities: 'none' };
    default:
      return { command, entities: 'none' };
  }
}
