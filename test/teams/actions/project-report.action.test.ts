import { VERB } from '../../../src/cards/actions';
import { projectReport, projectReportForm } from '../../../src/teams/actions/project-report.action';
import {
  actionsOf,
  asksToRegister,
  cardOf,
  effect,
  HANNE,
  input,
  inputsOf,
  kindsOf,
  NILS,
  press,
  refused,
  SECRETARIAT,
  STRANGER,
  textOf,
  turnAs,
  expectShared,
} from './action-helpers';

const NOW = new Date('2026-11-02T13:00:00Z');
const REPORT = { overall: 'yellow', overallComment: '  Forsinket leveranse ', time: 'red', timeComment: '', budget: 'green', quality: 'green', qualityComment: 'Bra' };
const reportsOf = (p: { projects: Array<{ id: string }> }) => (p.projects.find((x) => x.id === 'p-barnevern') as Record<string, any>).statusReports as unknown[];

describe('project.reportForm', () => {
  it('gives the owner organisation the status report form for the project', async () => {
    const { turn, store } = turnAs(HANNE);
    const before = store.read();
    const reply = await press(turn, VERB.projectReportForm, { projectId: 'p-barnevern' });
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Statusrapport for Felles fagsystem for barnevern');
    const inputs = inputsOf(card);
    expect(Object.keys(inputs).sort()).toEqual(['budget', 'budgetComment', 'overall', 'overallComment', 'quality', 'qualityComment', 'time', 'timeComment']);
    expect(inputs.overall?.choices?.map((c) => c.value)).toEqual(['green', 'yellow', 'red']);
    expect(actionsOf(card)).toEqual([{ title: 'Lever rapporten', verb: VERB.projectReport, data: { projectId: 'p-barnevern' } }]);
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('gives it to the secretariat for any project of the network', async () => {
    const card = cardOf(await projectReportForm(turnAs(SECRETARIAT).turn, input(VERB.projectReportForm, { projectId: 'p-informasjonssikkerhet' })));
    expect(textOf(card)).toContain('Statusrapport for Felles informasjonssikkerhetsarbeid');
  });

  it('refuses someone of another organisation who does not lead the project', async () => {
    await refused(press(turnAs(NILS).turn, VERB.projectReportForm, { projectId: 'p-barnevern' }), 'ACCESS.DENIED', { permission: 'project.report' });
  });

  it('refuses a project of another network, and asks a stranger to register', async () => {
    await refused(press(turnAs(SECRETARIAT).turn, VERB.projectReportForm, { projectId: 'p-vl-digitalt-tilsyn' }), 'PROJECT.NOT_FOUND');
    await asksToRegister(press(turnAs(STRANGER).turn, VERB.projectReportForm, { projectId: 'p-barnevern' }));
  });
});

describe('project.report', () => {
  it('adds the report, dated in Norway, reported by the sender, with trimmed comments', async () => {
    const { turn, store } = turnAs(HANNE, { now: NOW });
    await press(turn, VERB.projectReport, { projectId: 'p-barnevern', ...REPORT });
    const reports = reportsOf(store.read());
    expect(reports).toHaveLength(reportsOf(turn.portfolio).length + 1);
    expect(reports.at(-1)).toEqual({
      id: 'report-1',
      date: '2026-11-02',
      overall: { level: 'yellow', comment: 'Forsinket leveranse' },
      time: { level: 'red', comment: '' },
      budget: { level: 'green', comment: '' },
      quality: { level: 'green', comment: 'Bra' },
      reportedBy: 'person-hanne-provemo',
    });
    const history = (store.read().projects.find((x) => x.id === 'p-barnevern') as Record<string, any>).history;
    expect(history.at(-1)).toEqual({ at: NOW.toISOString(), by: 'person-hanne-provemo', change: 'status_report', to: 'yellow' });
  });

  it('dates a report sent at 00:30 on New Year’s Day in Oslo in the new year', async () => {
    const { turn, store } = turnAs(HANNE, { now: new Date('2026-12-31T23:30:00Z') });
    await press(turn, VERB.projectReport, { projectId: 'p-barnevern', ...REPORT });
    expect(reportsOf(store.read()).at(-1)).toMatchObject({ date: '2027-01-01' });
  });

  it('answers with the project card showing the new report, and replaces the shared card', async () => {
    const { turn } = turnAs(HANNE, { now: NOW });
    const reply = await projectReport(turn, input(VERB.projectReport, { projectId: 'p-barnevern', ...REPORT }));
    const text = textOf(cardOf(reply));
    expect(text).toContain('Siste statusrapport (2026-11-02)');
    expect(text).toContain('🟡 Samlet: Gul – Forsinket leveranse');
    expect(text).toContain('🔴 Tid: Rød');
    expect(kindsOf(reply)).toEqual(['replaceShared']);
    // Everyone sees the shared card (no buttons but «Vis mine valg»); the presser their own view, without a refresh.
    expectShared(effect(reply, 'replaceShared').card, VERB.projectShow, { projectId: expect.any(String) });
    expect(cardOf(reply).refresh).toBeUndefined();
  });

  it('sends an incomplete report back with what was typed, saving nothing', async () => {
    const { turn, store } = turnAs(HANNE, { now: NOW });
    const before = store.read();
    const { quality: _left, ...incomplete } = REPORT;
    const reply = await press(turn, VERB.projectReport, { projectId: 'p-barnevern', ...incomplete, budget: 'purple' });
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Noe må rettes før skjemaet kan sendes:');
    // Two fields need fixing: budget (not a level) and quality (missing).
    expect(textOf(card).match(/^Ugyldig verdi\.$|^Må fylles ut\.$/gm)).toHaveLength(2);
    expect(inputsOf(card).overallComment?.value).toBe(REPORT.overallComment);
    expect(inputsOf(card).overall?.value).toBe('yellow');
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('says a missing level must be filled in', async () => {
    const { quality: _left, ...incomplete } = REPORT;
    const card = cardOf(await press(turnAs(HANNE, { now: NOW }).turn, VERB.projectReport, { projectId: 'p-barnevern', ...incomplete }));
    expect(textOf(card)).toContain('Må fylles ut.');
  });

  it('refuses someone who may not report on the project, saving nothing', async () => {
    const { turn, store } = turnAs(NILS, { now: NOW });
    const before = store.read();
    await refused(press(turn, VERB.projectReport, { projectId: 'p-barnevern', ...REPORT }), 'ACCESS.DENIED', { permission: 'project.report' });
    expect(store.read()).toBe(before);
  });

  it('refuses a project of another network, and asks a stranger to register, saving nothing', async () => {
    const { turn, store } = turnAs(SECRETARIAT, { now: NOW });
    const before = store.read();
    await refused(press(turn, VERB.projectReport, { projectId: 'p-vl-digitalt-tilsyn', ...REPORT }), 'PROJECT.NOT_FOUND');
    await asksToRegister(press(turnAs(STRANGER).turn, VERB.projectReport, { projectId: 'p-barnevern', ...REPORT }));
    expect(store.read()).toBe(before);
  });

  it('refuses form values that are not text, numbers or flags, and a missing project id', () => {
    expect(() => input(VERB.projectReport, { ...REPORT })).toThrow();
    expect(() => input(VERB.projectReport, { projectId: 'p-barnevern', ...REPORT, overall: { level: 'green' } })).toThrow();
  });
});
