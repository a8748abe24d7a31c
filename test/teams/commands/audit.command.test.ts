import type { AdaptiveCard } from '../../../src/cards/card';
import { demoPortfolio } from '../../../src/flokk';
import type { AuditEntry } from '../../../src/store/audit-log';
import { auditLog } from '../../../src/teams/commands/audit.command';
import { createTurn, type Turn } from '../../../src/teams/turn';
import { SECRETARIAT } from '../../fixtures/activities';
import { headingOf, textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();

/** The secretariat's turn, with an audit trail that holds `entries` (newest first, as the trail gives them). */
function auditTurn(entries: AuditEntry[], locale: 'nb' | 'en' = 'nb'): { turn: Turn; asked: Array<{ limit: number; networkId?: string }> } {
  const asked: Array<{ limit: number; networkId?: string }> = [];
  const { services, turn } = aTurn(demo, { networkId: 'digitrondelag', locale, from: SECRETARIAT });
  const audit = { recent: async (limit: number, networkId?: string) => (asked.push({ limit, networkId }), entries.slice(0, limit)) };
  return { turn: createTurn({ ...services, audit }, turn.activity), asked };
}

const entry = (minute: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  at: `2026-11-02T09:${String(minute).padStart(2, '0')}:00.000Z`,
  networkId: 'digitrondelag',
  actor: SECRETARIAT.aadObjectId,
  personId: 'person-sekretariat',
  action: 'project.transition',
  objects: { projectId: 'p-barnevern' },
  ...over,
});

const LINK = 'https://flokk.example/exports/token/revisjonslogg-digitrondelag.jsonl';
const cardFor = (say: (url: string) => string | AdaptiveCard): AdaptiveCard => {
  const said = say(LINK);
  if (typeof said === 'string') throw new Error('expected a card');
  return said;
};

describe('auditLog', () => {
  it('asks the trail for the turn’s network only', async () => {
    const { turn, asked } = auditTurn([]);
    await auditLog(turn);
    expect(asked).toEqual([{ limit: 10_000, networkId: 'digitrondelag' }]);
  });

  it('shows the latest changes: when (Oslo time), who, what and on which object', async () => {
    const entries = [
      entry(30, { action: 'member.register', objects: {}, personId: undefined, actor: 'aaaaaaaa-0000-4000-8000-00000000ffff' }),
      entry(20, { actor: 'flokk', personId: undefined, action: 'flokk.scheduled', objects: { pollId: 'poll-1' } }),
      entry(10),
    ];
    const { turn } = auditTurn(entries);
    const reply = await auditLog(turn);
    const card = cardFor(reply.download!.say);
    expect(headingOf(card)).toBe('Revisjonslogg');
    const lines = textOf(card).split('\n');
    expect(lines[1]!.startsWith('2026-11-02 10:30 · **aaaaaaaa-0000-4000-8000-00000000ffff** · member.register')).toBe(true);
    expect(lines[2]).toBe('2026-11-02 10:20 · **Flokk (automatisk)** · flokk.scheduled · poll-1');
    expect(lines[3]).toBe('2026-11-02 10:10 · **Kari Eksempelsen** · project.transition · p-barnevern');
    expect(lines.at(-1)).toBe(`[Last ned hele loggen (JSON Lines)](${LINK})`);
    expect(reply.effects).toEqual([]);
  });

  it('shows at most 25 entries on the card, and offers the whole log, oldest first, as JSON Lines', async () => {
    const entries = Array.from({ length: 30 }, (_, i) => entry(59 - i, { objects: { projectId: `p-${59 - i}` } }));
    const { turn } = auditTurn(entries);
    const reply = await auditLog(turn);
    const file = reply.download!.file;
    expect(file.name).toBe('revisjonslogg-digitrondelag.jsonl');
    expect(file.contentType).toBe('application/x-ndjson; charset=utf-8');
    const lines = file.body.split('\n');
    expect(lines.at(-1)).toBe('');
    const parsed = lines.slice(0, -1).map((l) => JSON.parse(l) as AuditEntry);
    expect(parsed).toHaveLength(30);
    expect(parsed[0]).toEqual(entries.at(-1));
    expect(parsed.at(-1)).toEqual(entries[0]);
    const shown = textOf(cardFor(reply.download!.say)).split('\n').filter((l) => l.includes('project.transition'));
    expect(shown).toHaveLength(25);
    expect(shown[0]).toContain('p-59');
    expect(shown.at(-1)).toContain('p-35');
  });

  it('says the log is empty when nothing has been logged', async () => {
    const reply = await auditLog(auditTurn([]).turn);
    expect(textOf(cardFor(reply.download!.say))).toContain('Ingen endringer er logget ennå.');
    expect(reply.download!.file.name).toBe('revisjonslogg-digitrondelag.jsonl');
  });

  it('labels the card in the sender’s language', async () => {
    const reply = await auditLog(auditTurn([entry(1, { actor: 'flokk', personId: undefined })], 'en').turn);
    const card = cardFor(reply.download!.say);
    expect(headingOf(card)).toBe('Audit log');
    expect(card.fallbackText).toBe('Audit log');
  });
});
