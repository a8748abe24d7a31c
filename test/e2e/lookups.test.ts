import { VERB } from '../../src/cards/actions';
import { installed, message, STRANGER } from '../fixtures/activities';
import { cardOf, startTestBot, textOf, type TestBot } from './harness';

/** Lookups through the real endpoint, as Teams delivers them, in personal chat and in channels. */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot.stop());

const one = async (text: string, o: Parameters<TestBot['say']>[1] = {}) => {
  const sent = await bot.say(text, o);
  expect(sent).toHaveLength(1);
  return sent[0]!;
};

describe('help', () => {
  it.each([
    ['hjelp', 'nb-NO', 'Dette kan Flokk'],
    ['hjelp', 'nn-NO', 'held oversikt'],
    ['help', 'en-US', 'What Flokk can do'],
  ])('%s (%s) lists what Flokk can do with examples', async (text, locale, expected) => {
    const reply = await one(text, { locale });
    expect(textOf(reply)).toContain(expected);
    expect(textOf(reply)).toMatch(/felles sak-\/arkivsystem/);
  });

  it('answers an empty mention in a channel with help', async () => {
    const reply = await one('', { where: 'channel' });
    expect(textOf(reply)).toContain('Dette kan Flokk');
  });

  it('introduces itself when it is added to a team', async () => {
    bot.connector.take();
    const { status } = await bot.post(installed({ serviceUrl: bot.connector.serviceUrl, where: 'channel' }));
    expect(status).toBe(200);
    const sent = bot.connector.take();
    expect(sent).toHaveLength(1);
    expect(textOf(sent[0]!)).toContain('Dette kan Flokk');
  });
});

describe('who owns a project', () => {
  it.each([
    ['hvem eier felles sak-/arkivsystem?', 'nb-NO', 'personal', '**Felles sak-/arkivsystem** eies av **Trondheim**.'],
    ['hvem eier sak arkiv', 'nb-NO', 'channel', '**Felles sak-/arkivsystem** eies av **Trondheim**.'],
    ['hvem eier arkivsytem', 'nb-NO', 'groupChat', '**Felles sak-/arkivsystem** eies av **Trondheim**.'],
    ['kven eig barnevern?', 'nn-NO', 'channel', '**Felles fagsystem for barnevern** er eigd av **Levanger**.'],
    ['who owns barnevern?', 'en-US', 'personal', '**Felles fagsystem for barnevern** is owned by **Levanger**.'],
  ])('"%s" (%s, %s)', async (text, locale, where, expected) => {
    const reply = await one(text, { locale, where: where as 'personal' });
    expect(reply.activity.text).toContain(expected);
    expect(reply.activity.text).toMatch(/Status: |Status: /);
  });

  it('names the lead and the status', async () => {
    const reply = await one('hvem eier felles sak-/arkivsystem');
    expect(reply.activity.text).toContain('Prosjektleder er Eli Fiktivdal.');
    expect(reply.activity.text).toContain('Status: I gang.');
  });

  it('replies in the conversation it was asked in, to the message that asked', async () => {
    const reply = await one('hvem eier barnevern', { where: 'channel' });
    expect(reply.conversationId).toBe('19:general@thread.tacv2;messageid=1');
    expect(reply.activity.replyToId).toBeDefined();
  });

  it('asks "did you mean" with buttons when the name fits several projects', async () => {
    const reply = await one('hvem eier felles');
    const card = cardOf(reply);
    expect(textOf(reply)).toContain('Mente du ett av disse?');
    expect(card.actions.length).toBeGreaterThan(1);
    expect(card.actions.length).toBeLessThanOrEqual(5);
    for (const action of card.actions) {
      expect(action).toMatchObject({ type: 'Action.Execute', verb: VERB.projectShow, data: { projectId: expect.any(String) } });
    }
  });

  it('says clearly when nothing matches', async () => {
    const reply = await one('hvem eier xyzzy');
    expect(reply.activity.text).toBe('Jeg fant ikke noe prosjekt som passer «xyzzy». Skriv «portefølje» for å se alle prosjektene.');
  });

  it('offers the closest projects when a name is near one', async () => {
    const reply = await one('hvem eier velferdsteknikk hjemme');
    expect(textOf(reply)).toContain('Velferdsteknologi i hjemmetjenesten');
  });
});

describe('what an organisation owns and takes part in', () => {
  it.each([
    ['hva eier Orkland?', 'nb-NO', 'Prosjekter for Orkland'],
    ['prosjekter for Orland', 'nb-NO', 'Prosjekter for Ørland'],
    ['kva eig Ørland', 'nn-NO', 'Prosjekt for Ørland'],
    ['what does Orkland own?', 'en-US', 'Projects for Orkland'],
  ])('"%s" (%s)', async (text, locale, title) => {
    const reply = await one(text, { locale, where: 'channel' });
    expect(textOf(reply)).toContain(title);
  });

  it('separates what it owns from what it takes part in, each row opening the project', async () => {
    const card = cardOf(await one('hva eier Orkland'));
    const text = JSON.stringify(card);
    const owns = text.indexOf('"Eier"');
    const takesPart = text.indexOf('"Deltar i"');
    expect(owns).toBeGreaterThan(-1);
    expect(takesPart).toBeGreaterThan(owns);
    expect(text.indexOf('Lederutviklingsprogram for digital transformasjon')).toBeLessThan(takesPart);
    expect(text.lastIndexOf('Felles sak-/arkivsystem')).toBeGreaterThan(takesPart);
    expect(text).toContain('"verb":"project.show"');
  });

  it('says so when no member organisation matches', async () => {
    const reply = await one('hva eier Oslo?');
    expect(reply.activity.text).toContain('Jeg fant ingen medlemsorganisasjon som passer «Oslo»');
  });

  it('does not find another network’s members', async () => {
    const reply = await one('hva eier Bergen?');
    expect(reply.activity.text).toContain('fant ingen medlemsorganisasjon');
  });
});

describe('the project card', () => {
  it('shows owner, lead, participants, status, phase, horizon, area, budget, financing and the latest report', async () => {
    const reply = await one('prosjekt felles sak-/arkivsystem');
    const card = cardOf(reply);
    expect(card.version).toBe('1.5');
    const text = textOf(reply);
    for (const label of ['Eier', 'Prosjektleder', 'Deltakere', 'Status', 'Fase', 'Horisont', 'Område', 'Budsjett', 'Finansiering', 'Siste statusrapport']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('Trondheim');
    expect(text).toContain('Eli Fiktivdal');
    expect(text).toContain('Eksempeldata');
    expect(text).toMatch(/\d[\d\s ]* kr/);
  });

  it('speaks nynorsk and English by the activity locale', async () => {
    expect(textOf(await one('prosjekt barnevern', { locale: 'nn-NO' }))).toContain('Prosjektleiar');
    expect(textOf(await one('project barnevern', { locale: 'en-US' }))).toContain('Project lead');
  });

  it('opens from a "did you mean" button, parsed from the invoke and answered as a card', async () => {
    const { status, body } = await bot.press(VERB.projectShow, { projectId: 'p-barnevern' });
    expect(status).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(body.value)).toContain('Felles fagsystem for barnevern');
  });

  it('answers a stale or forged button with a sentence, not a crash', async () => {
    const stale = await bot.press(VERB.projectShow, { projectId: 'p-does-not-exist' });
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Prosjektet finnes ikke (lenger).' });
    const forged = await bot.press(VERB.projectShow, { projectId: { $gt: '' } });
    expect(forged.body.value).toBe('Det kortet sendte noe jeg ikke kan bruke. Prøv igjen fra et nytt kort.');
    const otherNetwork = await bot.press(VERB.projectShow, { projectId: 'p-vl-barnevern' });
    expect(otherNetwork.body.value).toBe('Prosjektet finnes ikke (lenger).');
  });

  it('shows a project named in plain text, and says what it understands otherwise', async () => {
    expect(textOf(await one('Felles fagsystem for barnevern'))).toContain('Levanger');
    expect((await one('god morgen, alle sammen')).activity.text).toBe('Det forstod jeg ikke. Skriv «hjelp» for å se hva jeg kan.');
  });
});

describe('the portfolio', () => {
  it('lists the network’s projects, paged, with filters', async () => {
    const card = cardOf(await one('portefølje'));
    const text = textOf({ activity: { attachments: [{ content: card }] } });
    expect(text).toContain('Porteføljen – DigiTrøndelag');
    expect(text).toContain('13 prosjekter · Side 1 av 2');
    expect(card.body.filter((b: { type: string }) => b.type === 'Container')).toHaveLength(8);
    expect(card.actions.map((a: { title: string }) => a.title)).toEqual(['Filtrer', 'Neste']);
  });

  it('filters from the command line in the user’s words', async () => {
    const text = textOf(await one('portefølje status:i gang område:felles sak-/arkivsystem'));
    expect(text).toContain('1 prosjekt · Side 1 av 1');
    expect(text).toContain('Felles sak-/arkivsystem');
    expect(textOf(await one('portfolio status:active owner:Orkland', { locale: 'en-US' }))).toContain('1 project');
  });

  it('pages and filters through the card’s buttons', async () => {
    const next = await bot.press(VERB.portfolioPage, { page: 2 });
    expect(textOf(next.body.value)).toContain('Side 2 av 2');
    expect(next.body.value.actions.map((a: { title: string }) => a.title)).toEqual(['Filtrer', 'Forrige']);
    const filtered = await bot.press(VERB.portfolioPage, { page: 1, status: 'proposed', horizon: 'H3', area: '', owner: '' });
    expect(textOf(filtered.body.value)).toContain('1 prosjekt');
    expect(textOf(filtered.body.value)).toContain('Kunstig intelligens i arkiv og saksbehandling');
  });

  it('turns the page of a list asked in words with every filter of the question', async () => {
    const first = cardOf(await one('hvilke prosjekter er ikke avsluttet?'));
    const next = first.actions.find((a: { title: string }) => a.title === 'Neste');
    expect(next.data.msteams).toMatchObject({ type: 'messageBack', text: 'hvilke prosjekter er ikke avsluttet side 2' });
    // Teams sends a messageBack as a message with its text, as if typed.
    const text = textOf(await one(next.data.msteams.text));
    expect(text).toContain('11 prosjekter · Side 2 av 2');
    expect(text).toContain('Avviste og trukne prosjekter er ikke med');
  });

  it('explains a filter it does not know instead of ignoring it', async () => {
    const text = textOf(await one('portefølje farge:blå status:ferdig'));
    expect(text).toContain('Jeg kjenner ikke filteret «farge»');
    expect(text).toContain('«ferdig» er ikke en gyldig verdi for status');
  });
});

describe('bad input', () => {
  it('answers an oversized message in the user’s language and changes nothing', async () => {
    const before = JSON.stringify(bot.flokk.store.read());
    const reply = await one('hvem eier ' + 'x'.repeat(5000), { locale: 'nn-NO' });
    expect(reply.activity.text).toBe('Meldinga er for lang. Skriv ho kortare, så prøver eg igjen.');
    expect(JSON.stringify(bot.flokk.store.read())).toBe(before);
  });

  it('answers an activity without text', async () => {
    bot.connector.take();
    const activity = { ...message('x', { serviceUrl: bot.connector.serviceUrl, from: STRANGER }), text: undefined };
    expect((await bot.post(activity)).status).toBe(200);
    expect(textOf(bot.connector.take()[0]!)).toContain('Dette kan Flokk');
  });
});
