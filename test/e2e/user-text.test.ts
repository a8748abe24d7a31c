import { VERB } from '../../src/cards/actions';
import { installed, NILS, SECRETARIAT, type User } from '../fixtures/activities';
import { cardOf, startTestBot, type TestBot } from './harness';

/**
 * Text from users, through POST /api/messages with Teams-shaped activities: shown literally on
 * every card others see, normalised when it enters, refused as a duplicate when it only looks new,
 * and refused by length before any expression reads it.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
  await bot.post(installed({ serviceUrl: bot.connector.serviceUrl, where: 'channel' }));
  await bot.say('kunngjøringer her', { where: 'channel' });
});
afterAll(() => bot.stop());

const HOSTILE_TITLE = 'Felles [Klikk her for å logge inn](https://evil.example) **HASTER** <at>Ola</at>';
/** How that title shows: every character that would make a link, bold text or a mention replaced by its look-alike. */
const SHOWN_TITLE = 'Felles ［Klikk her for å logge inn］(https://evil.example) ∗∗HASTER∗∗ ＜at＞Ola＜/at＞';

const proposal = (title: string) => ({
  title,
  summary: 'Et forslag med **fet** tekst og\n- en liste',
  ownerOrganisationId: 'kommune-5057',
  area: 'arkivering',
  horizon: 'H1',
  budgetNok: '100000',
  financingMayExceedBudget: 'false',
});

const press = async (verb: string, data: Record<string, unknown>, from: User = NILS, extra: Record<string, unknown> = {}) => {
  const { status, body } = await bot.press(verb, data, { from, ...extra });
  expect(status).toBe(200);
  return body as { type: string; value: any };
};

/** Every string Teams reads as Markdown on a card: TextBlock texts and both sides of each fact. */
function markdownOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(markdownOf);
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const own = n.type === 'TextBlock' ? [String(n.text)] : n.type === 'FactSet' ? (n.facts as Array<{ title: string; value: string }>).flatMap((f) => [f.title, f.value]) : [];
  return [...own, ...Object.entries(n).flatMap(([k, v]) => (k === 'fallbackText' || k === 'facts' ? [] : markdownOf(v)))];
}

/** The card shows the title literally: no link, no bold around it, no mention, in any Markdown field. */
function expectShownLiterally(card: unknown): void {
  const texts = markdownOf(card);
  expect(texts.some((s) => s.includes(SHOWN_TITLE))).toBe(true);
  for (const s of texts) {
    expect(s).not.toContain('](https://evil.example)');
    expect(s).not.toContain('**HASTER**');
    expect(s).not.toContain('<at>');
    expect(s).not.toMatch(/(^|\n)\s*- en liste/);
  }
}

describe('a hostile title', () => {
  it('is saved as typed, and shows literally on the project card and in the announcement', async () => {
    bot.connector.take();
    const body = await press(VERB.projectPropose, proposal(HOSTILE_TITLE), NILS, { where: 'channel' });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(bot.flokk.store.read().projects.filter((x) => x.title === HOSTILE_TITLE)).toHaveLength(1);
    expectShownLiterally(body.value);

    await bot.flokk.outbox.idle();
    const announced = bot.connector.take().filter((s) => s.method === 'POST' && s.conversationId === '19:general@thread.tacv2');
    expect(announced).toHaveLength(1);
    expectShownLiterally(cardOf(announced[0]!));
  });

  it('shows literally on the portfolio card', async () => {
    let found: unknown;
    for (let page = 1; page <= 5 && !found; page += 1) {
      const body = await press(VERB.portfolioPage, { page, status: 'proposed' });
      if (markdownOf(body.value).some((s) => s.includes(SHOWN_TITLE))) found = body.value;
    }
    expect(found).toBeDefined();
    expectShownLiterally(found);
  });

  it('is echoed back literally when a search for it finds nothing', async () => {
    const [reply] = await bot.say('prosjekt [Klikk](https://evil.example) *Ola*');
    const text = [reply!.activity.text ?? '', ...markdownOf(reply!.activity.attachments?.[0]?.content ?? [])].join('\n');
    expect(text).toContain('Jeg fant ikke noe prosjekt som passer');
    expect(text).toContain('［Klikk］(https://evil.example) ∗Ola∗');
    expect(text).not.toContain('](https://evil.example)');
    expect(text).not.toContain('*Ola*');
  });
});

describe('a look-alike title', () => {
  it('is refused as a duplicate of the project it imitates, with the sentence, and nothing is saved', async () => {
    const before = bot.flokk.store.read().projects.length;
    const body = await press(VERB.projectPropose, proposal('Felles sak-/arkiv\u200Bsystem'));
    expect(markdownOf(body.value)).toContain('Nettverket har allerede et prosjekt med denne tittelen. Velg en annen tittel, eller finn det prosjektet som finnes.');
    expect(bot.flokk.store.read().projects).toHaveLength(before);
  });

  it('is refused for an initiative too, in the user’s language', async () => {
    const before = bot.flokk.store.read().initiatives.length;
    const body = await press(VERB.initiativeShare, { title: '\u2066FELLES kommunal\u00AD journal\u2069', level: 'national', area: 'arkivering' }, NILS, { locale: 'en-US' });
    expect(markdownOf(body.value)).toContain('The network already has an initiative with this title. Choose another title, or show interest in the one that is already there.');
    expect(bot.flokk.store.read().initiatives).toHaveLength(before);
  });
});

describe('text entering Flokk', () => {
  it('is stored normalised: no bidi override, NFC, line breaks kept only where the field has lines', async () => {
    const body = await press(VERB.initiativeShare, {
      title: '\u202Eelttit nednev\u202C Omvendt\ttittel',
      description: 'Første linje\r\nAndre linje: Ørland'.normalize('NFD'),
      level: 'regional',
      area: 'arkivering',
      tags: 'sak\u200B, arkiv',
    });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const saved = bot.flokk.store.read().initiatives.find((i) => i.title.endsWith('Omvendt tittel'))!;
    expect(saved).toMatchObject({ title: 'elttit nednev Omvendt tittel', description: 'Første linje\nAndre linje: Ørland', tags: ['sak', 'arkiv'] });
  });

  it('keeps the name a newcomer registers with, without its invisible characters, and shows it literally in the audit log', async () => {
    const newcomer: User = { id: '29:hostile-name', name: '\u202E**Ola**\u200B [x](https://evil.example)', aadObjectId: 'cccccccc-0000-4000-8000-000000000001' };
    await press(VERB.memberRegister, { organisationId: 'kommune-5036' }, newcomer);
    const person = bot.flokk.store.read().people.find((x) => x.aadObjectId === newcomer.aadObjectId);
    expect(person?.name ?? person).toBe('**Ola** [x](https://evil.example)');
    const [log] = await bot.say('revisjonslogg', { from: SECRETARIAT });
    const texts = markdownOf(cardOf(log!)).join('\n');
    expect(texts).toContain('∗∗Ola∗∗ ［x］(https://evil.example)');
    expect(texts).not.toContain('[x](https://evil.example)');
  });

  it('refuses a 30,000-character message by its length, with the sentence', async () => {
    const [reply] = await bot.say('?.'.repeat(15_000));
    expect(reply!.activity.text).toBe('Meldingen er for lang. Skriv den kortere, så prøver jeg igjen.');
  });
});
