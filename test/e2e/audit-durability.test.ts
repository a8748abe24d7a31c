import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, symlink } from 'node:fs/promises';
import { VERB } from '../../src/cards/actions';
import { auditFileFor } from '../../src/flokk';
import { NILS } from '../fixtures/activities';
import { startTestBot, textOf } from './harness';

/**
 * A change is acknowledged only with its audit entry: through the real endpoint, with the audit
 * log unwritable, a change is refused in the user's language, nothing changes in memory or on
 * disk, and /healthz says so until an append succeeds again.
 */
const INITIATIVE = 'i-felles-kommunal-journal';
const hasNilsMark = (bot: Awaited<ReturnType<typeof startTestBot>>) =>
  bot.flokk.store.read().initiatives.find((i) => i.id === INITIATIVE)!.interest.some((m) => m.personId === 'person-nils-demoberg');

const ways: Array<[string, (file: string) => Promise<void>]> = [
  ['is a directory', async (file) => void (await mkdir(file))],
  ...(existsSync('/dev/full') ? [['is on a full disk (a link to /dev/full)', (file: string) => symlink('/dev/full', file)] as [string, (file: string) => Promise<void>]] : []),
];

describe.each(ways)('an audit log that %s', (_name, breakIt) => {
  it('refuses the change with the user’s sentence, changes nothing in memory or on disk, answers /healthz with 503, and recovers', async () => {
    const bot = await startTestBot();
    try {
      const auditFile = auditFileFor(bot.config.dataFile);
      await bot.flokk.store.flush();
      await rm(auditFile, { force: true });
      const before = await readFile(bot.config.dataFile);
      expect((await fetch(`${bot.flokk.url}/healthz`)).status).toBe(200);
      await breakIt(auditFile);

      const { status, body } = await bot.press(VERB.initiativeInterest, { initiativeId: INITIATIVE }, { from: NILS, locale: 'nn-NO' });

      expect(status).toBe(200);
      expect(body.value).toBe('Eg klarte ikkje å lagre endringa. Ingenting vart endra; prøv igjen om litt.');
      expect(hasNilsMark(bot)).toBe(false);
      await bot.flokk.store.flush();
      expect((await readFile(bot.config.dataFile)).equals(before)).toBe(true);
      const health = await fetch(`${bot.flokk.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'degraded', store: { ok: false, detail: 'the last append to the audit log failed' } });

      // Once the audit log can be written again, the same press goes through, with its entry.
      await rm(auditFile, { recursive: true, force: true });
      const again = await bot.press(VERB.initiativeInterest, { initiativeId: INITIATIVE }, { from: NILS, locale: 'nn-NO' });
      expect(textOf(again.body.value)).not.toContain('klarte ikkje');
      expect(hasNilsMark(bot)).toBe(true);
      expect((await fetch(`${bot.flokk.url}/healthz`)).status).toBe(200);
      const lines = (await readFile(auditFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toEqual([expect.objectContaining({ actor: NILS.aadObjectId, personId: 'person-nils-demoberg', action: 'initiative.interest', objects: { initiativeId: INITIATIVE } })]);
    } finally {
      await rm(auditFileFor(bot.config.dataFile), { recursive: true, force: true });
      await bot.stop();
    }
  });
});
