import { VERB } from '../../src/cards/actions';
import { OTHER_AREA } from '../../src/domain/areas';
import { NILS, SECRETARIAT, type User } from '../fixtures/activities';
import { cardOf, inputIdsOf, startTestBot, textOf, type TestBot } from './harness';

/**
 * A network's areas through POST /api/messages: the secretariat keeps the list (from its roles
 * card), the forms offer it and «annet» with the person's own words, and the list holds across a restart.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({}, { keepDir: true });
});
afterAll(() => bot.stop());

const press = async (verb: string, data: Record<string, unknown>, from: User) => {
  const { status, body } = await bot.press(verb, data, { from });
  expect(status).toBe(200);
  return body as { type: string; value: any };
};
const inputs = inputIdsOf;
const areas = () => bot.flokk.store.read().networks.find((n) => n.id === 'digitrondelag')!.areas;
const PROPOSAL = { title: 'Felles beredskapsplan', ownerOrganisationId: 'kommune-5057', horizon: 'H1' };

it('lets the secretariat change the list from the roles card, and the forms offer it with «annet»', async () => {
  const [roles] = await bot.say('roller', { from: SECRETARIAT });
  expect(JSON.stringify(cardOf(roles!).actions)).toContain(VERB.areasShow);
  const shown = await press(VERB.areasShow, {}, SECRETARIAT);
  expect(inputs(shown.value).areas.value).toBe(areas().join('\n'));

  const saved = await press(VERB.areasSet, { areas: `${areas().join('\n')}\nKlima og miljø` }, SECRETARIAT);
  expect(textOf(saved.value)).toContain('Områdene er lagret');
  expect(areas()).toContain('Klima og miljø');

  const [form] = await bot.say('foreslå prosjekt Felles beredskapsplan', { from: NILS });
  const area = inputs(cardOf(form!)).area;
  expect(area.isRequired).toBe(true);
  expect(area.choices.map((c: { title: string }) => c.title)).toEqual([...areas(), 'Annet …']);
  expect(inputs(cardOf(form!)).areaOther.label).toBe('Annet område (skriv det når du velger «Annet»)');
});

it('refuses the list from anyone but the secretariat, changing nothing', async () => {
  const before = [...areas()];
  const body = await press(VERB.areasSet, { areas: 'bare dette' }, NILS);
  expect(body.value).toBe('Bare sekretariatet kan endre nettverkets områder.');
  expect(areas()).toEqual(before);
});

it('saves a proposal with an area of its own under «annet», and asks for it when left out', async () => {
  const blank = await press(VERB.projectPropose, { ...PROPOSAL, area: OTHER_AREA, areaOther: ' ' }, NILS);
  expect(textOf(blank.value)).toContain('Må fylles ut.');
  expect(inputs(blank.value).area.value).toBe(OTHER_AREA);
  expect(bot.flokk.store.read().projects.some((p) => p.title === PROPOSAL.title)).toBe(false);

  const body = await press(VERB.projectPropose, { ...PROPOSAL, area: OTHER_AREA, areaOther: 'Beredskap' }, NILS);
  expect(textOf(body.value)).toMatch(/Område\s*\n?\s*Beredskap/);
  expect(bot.flokk.store.read().projects.find((p) => p.title === PROPOSAL.title)).toMatchObject({ area: 'Beredskap', status: 'proposed' });
});

it('keeps the list across a restart', async () => {
  const { dir, connector } = bot;
  await bot.flokk.close();
  // The connector stays the first bot's: it is closed when the restarted bot stops.
  const restarted = await startTestBot({}, { dir });
  await connector.close();
  bot = restarted;
  expect(bot.flokk.store.read().networks.find((n) => n.id === 'digitrondelag')!.areas).toContain('Klima og miljø');
});
