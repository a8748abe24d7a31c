/**
 * Polls of the programme board: consensus (agree / abstain / disagree / block), silent consent
 * (no objection by the deadline means approved) and choice between options. See DOMAIN.md,
 * "Consensus, precisely".
 *
 * The form (poll-form), who may vote (eligibility), casting a vote (voting), counting (tally),
 * a poll's life from opening to decision (lifecycle) and what the scheduler asks (schedule).
 * Callers import from here.
 */
export { eligibleVoters, majorityOf, programmeBoard } from './eligibility';
export { closePoll, extendPoll, openPoll, outcomeOf, pollIn, reopenPoll, type PollOutcome } from './lifecycle';
export { MAX_OPTIONS, PollForm, splitOptions, validatePollForm, type PollInput } from './poll-form';
export { dueForClosing, dueForReminder, markReminded } from './schedule';
export { mayExport, resultsVisible, tally, visibleTally, type Tally } from './tally';
export { castVote, MAX_REASON, voterKeyFor, type Ballot, type Stance } from './voting';
// Re-exported so that imports of the wall-clock conversion from this module keep working; time.ts owns it.
export { osloToInstant } from '../time';
