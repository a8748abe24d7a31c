import { boardWordOf } from '../domain/body-terms';
import type { MinutesLabels } from '../domain/decisions';
import type { Decision, Locale, Portfolio } from '../domain/schema';
import { messages } from '../i18n';
import { VERB, execute } from './actions';
import { card, facts, heading, paragraph, subheading, type AdaptiveCard } from './card';
import { plain } from './escape';

export function renderDecisionCard(p: Portfolio, d: Decision, locale: Locale): AdaptiveCard {
  const t = messages(locale, boardWordOf(p, d.networkId)).decision;
  const name = (id: string) => plain(p.people.find((x) => x.id === id)?.name ?? id);
  const project = d.projectId ? p.projects.find((x) => x.id === d.projectId) : undefined;
  const body: unknown[] = [
    heading(t.title(plain(d.caseNumber))),
    paragraph(plain(d.question)),
    facts([
      [t.date, d.date],
      ...(project ? ([[t.project, plain(project.title)]] as Array<[string, string]>) : []),
      [t.method, t.methods[d.method]],
      [t.outcome, d.chosen?.length ? `${t.outcomes[d.outcome]}: ${d.chosen.map(plain).join(', ')}` : t.outcomes[d.outcome]],
      [t.abstentions, String(d.abstentions)],
      ...(d.decidedBy ? ([[t.decidedBy, name(d.decidedBy)]] as Array<[string, string]>) : []),
    ]),
  ];
  if (d.statement) body.push(subheading(t.statement), paragraph(plain(d.statement)));
  if (d.dissent.length > 0) {
    body.push(subheading(t.dissent));
    for (const x of d.dissent) body.push(paragraph(`- ${x.personId ? name(x.personId) : t.anonymous}: ${plain(x.reason)}`, { spacing: 'None' }));
  }
  return card(body, [], `${t.title(d.caseNumber)}: ${d.question}`);
}

export function renderDecisionList(decisions: readonly Decision[], locale: Locale, year?: number): AdaptiveCard {
  const t = messages(locale).decision;
  const shown = [...decisions].reverse().slice(0, 20);
  const rows = shown.map((d) => ({
    type: 'Container',
    separator: true,
    spacing: 'Small',
    selectAction: { type: 'Action.Execute', verb: VERB.decisionShow, title: d.caseNumber, data: { decisionId: d.id } },
    items: [paragraph(`**${plain(d.caseNumber)}** · ${d.date} · ${t.outcomes[d.outcome]}`), paragraph(plain(d.question), { isSubtle: true, spacing: 'None' })],
  }));
  return card(
    [heading(t.listTitle + (year ? ` ${year}` : '')), paragraph(t.count(decisions.length), { isSubtle: true }), ...(rows.length > 0 ? rows : [paragraph(t.empty)])],
    decisions.length > 0 ? [execute(t.minutes, VERB.decisionsMinutes, year ? { year } : {})] : [],
    `${t.listTitle}: ${t.count(decisions.length)}`,
  );
}

export function minutesLabels(locale: Locale, networkName: string, year?: number, board?: string): MinutesLabels {
  const t = messages(locale, board).decision;
  return {
    title: t.minutesTitle(networkName, year ? String(year) : ''),
    date: t.date,
    project: t.project,
    method: t.method,
    outcome: t.outcome,
    chosen: t.chosen,
    statement: t.statement,
    dissent: t.dissent,
    abstentions: t.abstentions,
    anonymous: t.anonymous,
    methods: t.methods,
    outcomes: t.outcomes,
  };
}
