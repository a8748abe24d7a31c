import { boardWordOf } from '../domain/body-terms';
import type { FieldErrors } from '../domain/forms';
import { programmeBoard, visibleTally, type Stance } from '../domain/polls';
import type { Locale, Network, Poll, Portfolio } from '../domain/schema';
import { formatDateTime, formatNumber, messages, type Messages } from '../i18n';
import { VERB, confirmFirst, execute } from './actions';
import { badge, card, facts, heading, paragraph, subheading, type AdaptiveCard } from './card';
import { plain } from './escape';
import { choiceInput, dateInput, fieldError, formErrorsBanner, textInput, type Values } from './form';

/** Universal Actions refresh at most this many users' views automatically. */
export const MAX_REFRESH_USERS = 60;

const STANCE_COLOUR: Record<Stance, string> = { agree: 'good', abstain: 'neutral', disagree: 'warning', block: 'attention', object: 'attention' };

export function renderPollForm(p: Portfolio, network: Network, values: Values, errors: FieldErrors, locale: Locale): AdaptiveCard {
  const t = messages(locale, boardWordOf(p, network.id));
  const projects = p.projects.filter((x) => x.networkId === network.id && x.status === 'under_consideration').map((x) => [x.id, x.title] as const);
  const toggle = (id: string, title: string) => ({ type: 'Input.Toggle', id, title, value: String(values[id] ?? 'false'), valueOn: 'true', valueOff: 'false' });
  return card(
    [
      heading(t.poll.formTitle),
      paragraph(t.poll.formIntro(plain(programmeBoard(p, network.id)?.name ?? t.poll.board)), { isSubtle: true }),
      ...formErrorsBanner(t, errors),
      ...choiceInput(t, 'kind', t.poll.kind, (['consensus', 'consent', 'choice'] as const).map((k) => [k, t.poll.kinds[k]] as const), { kind: 'consensus', ...values }, errors, { required: true }),
      ...textInput(t, 'question', t.poll.question, values, errors, { required: true, multiline: true, maxLength: 1000 }),
      ...choiceInput(t, 'projectId', t.poll.project, projects, values, errors),
      ...textInput(t, 'options', t.poll.options, values, errors, { multiline: true, maxLength: 2200 }),
      toggle('multiple', t.poll.multiple),
      ...choiceInput(t, 'eligibleMode', t.poll.eligible, (['board', 'conversation'] as const).map((m) => [m, t.poll.eligibleModes[m]] as const), { eligibleMode: 'board', ...values }, errors),
      ...textInput(t, 'quorum', t.poll.quorum, values, errors, { maxLength: 6 }),
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: dateInput(t, 'deadlineDate', t.poll.deadlineDate, values, errors, { required: true }) },
          {
            type: 'Column',
            width: 'stretch',
            items: [{ type: 'Input.Time', id: 'deadlineTime', label: t.poll.deadlineTime, value: String(values.deadlineTime ?? '12:00'), isRequired: true, errorMessage: t.fieldErrors.required }, ...fieldError(t, errors, 'deadlineTime')],
          },
        ],
      },
      ...textInput(t, 'reminder', t.poll.reminder, values, errors, { maxLength: 3 }),
      toggle('anonymous', t.poll.anonymous),
      toggle('hideResultsUntilClosed', t.poll.hideResults),
    ],
    [{ type: 'Action.Execute', title: t.poll.submit, verb: VERB.pollOpen, data: {}, style: 'positive' }],
    t.poll.formTitle,
  );
}

/** The body's own name from the data (DigiTrøndelag's «Programstyret …», Digi Vestland's «Styringsgruppa …»), never a catalogue word. */
function bodyName(p: Portfolio, poll: Poll, t: Messages): string {
  const body = p.bodies.find((b) => b.id === poll.bodyId) ?? programmeBoard(p, poll.networkId);
  return plain(body?.name ?? t.poll.board);
}

/** Who is looking: a voter sees their own vote and the buttons; a manager also sees close, extend and reopen. */
export interface PollViewer {
  eligible: boolean;
  canManage: boolean;
  ownVote?: { stance?: Stance; optionIds: string[]; reason?: string };
}

/**
 * The poll card. Without a viewer it is the shared card everyone sees, which asks Teams to refresh
 * it into each eligible voter's own view (Universal Actions user-specific views).
 */
export function renderPollCard(p: Portfolio, poll: Poll, now: Date, locale: Locale, viewer?: PollViewer, refreshUserIds: readonly string[] = []): AdaptiveCard {
  const t = messages(locale, boardWordOf(p, poll.networkId));
  const tally = visibleTally(p, poll, now);
  const open = poll.status === 'open' && now.getTime() < Date.parse(poll.deadline);
  const project = poll.projectId ? p.projects.find((x) => x.id === poll.projectId) : undefined;
  const body: unknown[] = [heading(plain(poll.question)), badge(`${t.poll.kindShort[poll.kind]} · ${t.poll.statuses[poll.status]}`)];
  if (project) body.push(paragraph(`${t.decision.project}: **${plain(project.title)}**`, { spacing: 'Small' }));
  if (poll.anonymous) body.push(paragraph(t.poll.anonymousNote, { isSubtle: true, size: 'Small' }));
  const left = Math.max(0, Date.parse(poll.deadline) - now.getTime());
  const when = formatDateTime(poll.deadline, locale) + (open ? ` (${t.poll.left(Math.floor(left / 86_400_000), Math.floor((left % 86_400_000) / 3_600_000))})` : '');
  body.push(paragraph(t.poll.deadline(when), { spacing: 'Small' }));
  body.push(paragraph(t.poll.participation(tally.participation.voted, tally.participation.eligible, tally.quorum), { spacing: 'Small' }));
  body.push(...renderResults(t, poll, tally, locale));
  body.push(...renderOutcome(p, poll, t));

  const actions: unknown[] = [];
  if (viewer?.eligible && open) {
    body.push(...renderBallot(t, poll, viewer));
    actions.push(...ballotActions(t, poll));
  } else if (viewer && open) {
    // Pressing «Stem» and getting no ballot needs a word why.
    body.push(paragraph(t.poll.notEligible(bodyName(p, poll, t)), { spacing: 'Medium', weight: 'Bolder' }));
  }
  if (viewer?.canManage) actions.push(...managerActions(t, poll, open));
  if (poll.status !== 'open') actions.push(execute(t.poll.exportCsv, VERB.pollExport, { pollId: poll.id }));
  const result = card(body, actions, `${poll.question} – ${t.poll.statuses[poll.status]}`);
  if (!viewer && open && refreshUserIds.length > 0) {
    // NOTE: Teams refreshes user-specific views automatically for at most 60 users; others press to refresh.
    result.refresh = { action: { type: 'Action.Execute', title: t.poll.vote, verb: VERB.pollRefresh, data: { pollId: poll.id } }, userIds: refreshUserIds.slice(0, MAX_REFRESH_USERS) };
  }
  if (!viewer && open) result.actions = [execute(t.poll.vote, VERB.pollRefresh, { pollId: poll.id })];
  return result;
}

/**
 * The results: a Teams bar chart without an axis (its axis showed fractions of a vote and
 * English decimals), each bar labelled with its whole count, and the same counts as text for
 * clients without charts. With no votes yet, a sentence instead of an empty chart. The heading
 * above names the chart, so the chart has no title of its own (Teams would show «Resultat» twice).
 */
function renderResults(t: Messages, poll: Poll, tally: ReturnType<typeof visibleTally>, locale: Locale): unknown[] {
  if (!tally.results) return [paragraph(t.poll.hidden, { isSubtle: true })];
  const r = tally.results;
  const rows =
    poll.kind === 'choice'
      ? r.options.map((o) => ({ label: o.label, fact: plain(o.label), count: o.count, colour: 'categoricalBlue' }))
      : (Object.keys(r.stances) as Stance[]).map((s) => {
          const label = poll.kind === 'consent' && s === 'agree' ? t.poll.noObjection : t.poll.stances[s];
          return { label, fact: label, count: r.stances[s] ?? 0, colour: STANCE_COLOUR[s] };
        });
  if (rows.every((x) => x.count === 0)) return [subheading(t.poll.results), paragraph(t.poll.noVotes, { isSubtle: true, spacing: 'None' })];
  // The chart's labels are not Markdown; the facts' are, so an option's label is escaped there only.
  const textual = facts(rows.map((x) => [x.fact, t.poll.votes(x.count, formatNumber(x.count, locale))]));
  const out: unknown[] = [
    subheading(t.poll.results),
    {
      type: 'Chart.HorizontalBar',
      displayMode: 'AbsoluteNoAxis',
      data: rows.map((x) => ({ x: x.label, y: x.count, color: x.colour })),
      fallback: textual,
    },
  ];
  if (r.reasons.length > 0) {
    out.push(subheading(t.poll.reasons));
    for (const reason of r.reasons) out.push(paragraph(`- ${t.poll.stances[reason.stance]}: ${plain(reason.reason)}`, { spacing: 'None' }));
  }
  return out;
}

function renderOutcome(p: Portfolio, poll: Poll, t: Messages): unknown[] {
  const decision = poll.decisionId ? p.decisions.find((d) => d.id === poll.decisionId) : undefined;
  if (decision) {
    const what = decision.chosen?.length ? t.poll.outcome.chosen(decision.chosen.map(plain).join(', ')) : t.decision.outcomes[decision.outcome];
    return [subheading(`${t.decision.title(plain(decision.caseNumber))}: ${what}`), paragraph(`${t.decision.method}: ${t.decision.methods[decision.method]}`, { spacing: 'None' })];
  }
  if (poll.status === 'awaiting_leader') return [paragraph(t.poll.statuses.awaiting_leader, { weight: 'Bolder' })];
  return [];
}

function renderBallot(t: Messages, poll: Poll, viewer: PollViewer): unknown[] {
  const own = viewer.ownVote;
  const ownLabel = own
    ? own.stance
      ? poll.kind === 'consent' && own.stance === 'agree'
        ? t.poll.noObjection
        : t.poll.stances[own.stance]
      : poll.options.filter((o) => own.optionIds.includes(o.id)).map((o) => o.label).join(', ')
    : undefined;
  const out: unknown[] = [paragraph(ownLabel ? t.poll.yourVote(plain(ownLabel)) : t.poll.notVoted, { weight: ownLabel ? 'Bolder' : 'Default', spacing: 'Medium' })];
  if (poll.kind === 'choice') {
    out.push({
      type: 'Input.ChoiceSet',
      id: 'optionIds',
      label: t.poll.choose,
      style: 'expanded',
      isMultiSelect: poll.multiple,
      value: own?.optionIds.join(',') ?? '',
      choices: poll.options.map((o) => ({ title: o.label, value: o.id })),
    });
  } else {
    out.push({ type: 'Input.Text', id: 'reason', label: t.poll.reason, isMultiline: true, maxLength: 2000, value: own?.reason ?? '' });
  }
  return out;
}

function ballotActions(t: Messages, poll: Poll): unknown[] {
  if (poll.kind === 'choice') return [execute(t.poll.vote, VERB.pollVote, { pollId: poll.id }, { style: 'positive' })];
  const stances: Stance[] = poll.kind === 'consent' ? ['agree', 'object'] : ['agree', 'abstain', 'disagree', 'block'];
  return stances.map((stance) =>
    execute(poll.kind === 'consent' && stance === 'agree' ? t.poll.noObjection : t.poll.stances[stance], VERB.pollVote, { pollId: poll.id, stance }, stance === 'block' || stance === 'object' ? { style: 'destructive' } : {}),
  );
}

function managerActions(t: Messages, poll: Poll, open: boolean): unknown[] {
  const deadlineInputs = (verb: typeof VERB.pollExtend | typeof VERB.pollReopen, title: string) => ({
    type: 'Action.ShowCard',
    title,
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'Input.Date', id: 'deadlineDate', label: t.poll.deadlineDate, isRequired: true, errorMessage: t.fieldErrors.required },
        { type: 'Input.Time', id: 'deadlineTime', label: t.poll.deadlineTime, value: '12:00', isRequired: true, errorMessage: t.fieldErrors.required },
      ],
      actions: [execute(t.poll.save, verb, { pollId: poll.id })],
    },
  });
  if (poll.status === 'open') return [...(open ? [execute(t.poll.close, VERB.pollClose, { pollId: poll.id })] : []), deadlineInputs(VERB.pollExtend, t.poll.extend)];
  if (poll.status === 'closed' || poll.status === 'awaiting_leader') return [deadlineInputs(VERB.pollReopen, t.poll.reopen)];
  return [];
}

/** The card only the board leader may use, when consensus was not reached. */
export function renderLeaderCard(p: Portfolio, poll: Poll, leaderName: string, locale: Locale, now: Date): AdaptiveCard {
  const t = messages(locale, boardWordOf(p, poll.networkId));
  const choices =
    poll.kind === 'choice'
      ? poll.options.map((o) => execute(t.poll.chooseOption(o.label), VERB.decisionLead, { pollId: poll.id, choice: 'option', optionId: o.id }))
      : [
          execute(t.poll.approve, VERB.decisionLead, { pollId: poll.id, choice: 'approve' }, { style: 'positive' }),
          execute(t.poll.sendBack, VERB.decisionLead, { pollId: poll.id, choice: 'send_back' }),
          // Rejecting is final: last, and asked for twice (the statement above is sent with it).
          confirmFirst(execute(t.poll.reject, VERB.decisionLead, { pollId: poll.id, choice: 'reject' }), t.lifecycle.areYouSure),
        ];
  // The whole shared view but its ballot: a fixed slice once cut the results off under their heading.
  const summary = renderPollCard(p, poll, now, locale).body;
  return card(
    [
      heading(t.poll.leaderTitle),
      paragraph(t.poll.leaderIntro(plain(leaderName), bodyName(p, poll, t))),
      { type: 'Container', style: 'emphasis', items: summary },
      { type: 'Input.Text', id: 'statement', label: t.poll.statement, isMultiline: true, isRequired: true, maxLength: 8000, errorMessage: t.fieldErrors.required },
    ],
    choices,
    t.poll.leaderTitle,
  );
}
