import type { TurnContext } from 'botbuilder';
import { DomainError } from '../../domain/errors';
import type { AppDeps } from '../deps';
import { beginTurn } from '../turn';
import { freeText } from './free-text.command';
import { help } from './help.command';
import { organisationProjects } from './organisation-projects.command';
import { parseCommand, MAX_COMMAND_LENGTH } from './parse';
import { portfolio } from './portfolio.command';
import { showProject } from './project.command';
import { whoOwns } from './who-owns.command';
import { announceHere } from './announce-here.command';
import { auditLog } from './audit.command';
import { decisions, minutes } from './decisions.command';
import { openPollForm } from './open-poll.command';
import { initiatives } from './initiatives.command';
import { proposeProjectForm } from './propose-project.command';
import { roles } from './roles.command';
import { shareInitiativeForm } from './share-initiative.command';
import { statusReportForm } from './status-report.command';

/** Every chat message: parse it into a command and run that command's handler. */
export async function onMessage(context: TurnContext, deps: AppDeps): Promise<void> {
  const text = context.activity.text ?? '';
  if (text.length > MAX_COMMAND_LENGTH) throw new DomainError('INPUT.TOO_LONG', { length: text.length });
  const turn = beginTurn(context, deps);
  const command = parseCommand(text);
  deps.log.debug('command', { kind: command.kind });
  switch (command.kind) {
    case 'help':
      return help(context, turn);
    case 'whoOwns':
      return whoOwns(context, turn, command.query);
    case 'organisationProjects':
      return organisationProjects(context, turn, command.query);
    case 'project':
      return showProject(context, turn, command.query);
    case 'portfolio':
      return portfolio(context, turn, command.filters);
    case 'shareInitiative':
      return shareInitiativeForm(context, turn, command.title);
    case 'initiatives':
      return initiatives(context, turn, command.filters);
    case 'proposeProject':
      return proposeProjectForm(context, turn, command.title);
    case 'statusReport':
      return statusReportForm(context, turn, command.query);
    case 'roles':
      return roles(context, turn);
    case 'announceHere':
      return announceHere(context, turn);
    case 'openPoll':
      return openPollForm(context, turn, command.text);
    case 'decisions':
      return decisions(context, turn, command.filters);
    case 'minutes':
      return minutes(context, turn, command.year);
    case 'audit':
      return auditLog(context, turn);
    case 'freeText':
      return freeText(context, turn, command.text);
  }
}
