/**
 * What a chat message asks for. Pure: text in, command out. Bokmål, nynorsk and English
 * phrasings are all understood whatever the turn's locale, since people mix them.
 */
export type Command =
  | { kind: 'help' }
  | { kind: 'whoOwns'; query: string }
  | { kind: 'organisationProjects'; query: string }
  | { kind: 'project'; query: string }
  | { kind: 'portfolio'; filters: string }
  | { kind: 'shareInitiative'; title: string }
  | { kind: 'initiatives'; filters: string }
  | { kind: 'proposeProject'; title: string }
  | { kind: 'statusReport'; query: string }
  | { kind: 'roles' }
  | { kind: 'announceHere' }
  | { kind: 'openPoll'; text: string }
  | { kind: 'decisions'; filters: string }
  | { kind: 'minutes'; year?: number }
  | { kind: 'audit' }
  | { kind: 'freeText'; text: string };

export const MAX_COMMAND_LENGTH = 500;

const RULES: Array<[RegExp, (m: RegExpMatchArray) => Command]> = [
  [/^(hjelp|help|\?|hjelp meg|hva kan du( gjøre)?|kva kan du( gjere)?|what can you do)$/i, () => ({ kind: 'help' })],
  [
    /^(?:hvem|kven|who)\s+(?:eier|eig|owns|er eier av|er eigar av|is the owner of|is owner of)\s+(?:prosjektet\s+|the project\s+)?(?<q>.+)$/i,
    (m) => ({ kind: 'whoOwns', query: m.groups!.q! }),
  ],
  [
    /^(?:hva|kva)\s+(?:eier|eig|deltar|deltek)\s+(?<q>.+?)(?:\s+(?:i|med i|og deltar i|og deltek i))?$/i,
    (m) => ({ kind: 'organisationProjects', query: m.groups!.q! }),
  ],
  [
    /^(?:hvilke prosjekter?|kva prosjekt|which projects)\s+(?:eier|eig|har|has|does)\s+(?<q>.+?)(?:\s+(?:own|have))?$/i,
    (m) => ({ kind: 'organisationProjects', query: m.groups!.q! }),
  ],
  [/^what does\s+(?<q>.+?)\s+(?:own|take part in|participate in)$/i, (m) => ({ kind: 'organisationProjects', query: m.groups!.q! })],
  [
    /^(?:prosjekter|prosjekta|prosjekt|projects)\s+(?:for|til|hos|of|in)\s+(?<q>.+)$/i,
    (m) => ({ kind: 'organisationProjects', query: m.groups!.q! }),
  ],
  [
    /^(?:portef[øo]ljen?|portfolio|oversikt|overview|alle prosjekter|alle prosjekta|all projects|prosjekter|prosjekta|projects)(?:\s+(?<rest>.*))?$/i,
    (m) => ({ kind: 'portfolio', filters: m.groups?.rest ?? '' }),
  ],
  [
    /^(?:del|nytt|ny)\s+(?:et\s+|eit\s+)?initiativ(?:et)?(?::|\s)*(?<q>.*)$|^share\s+(?:an\s+)?initiative(?::|\s)*(?<q2>.*)$/i,
    (m) => ({ kind: 'shareInitiative', title: (m.groups?.q || m.groups?.q2 || '').trim() }),
  ],
  [/^(?:initiativer|initiativa|initiativ|initiatives)(?:\s+(?<rest>.*))?$/i, (m) => ({ kind: 'initiatives', filters: m.groups?.rest ?? '' })],
  [
    /^(?:foresl[åa]|føresl[åa]|nytt)\s+(?:et\s+|eit\s+)?prosjekt(?::|\s)*(?<q>.*)$|^propose\s+(?:a\s+)?project(?::|\s)*(?<q2>.*)$/i,
    (m) => ({ kind: 'proposeProject', title: (m.groups?.q || m.groups?.q2 || '').trim() }),
  ],
  [/^(?:ny\s+)?(?:statusrapport|status report)\s+(?:for\s+)?(?<q>.+)$/i, (m) => ({ kind: 'statusReport', query: m.groups!.q! })],
  [/^(?:roller|roles)$/i, () => ({ kind: 'roles' })],
  [/^(?:revisjonslogg(?:en)?|audit(?: log)?)$/i, () => ({ kind: 'audit' })],
  [
    /^(?:ny\s+|start\s+)?(?:avstemning|avstemming|avrøysting|røysting|poll|new poll|start poll)(?::|\s)*(?<q>.*)$/i,
    (m) => ({ kind: 'openPoll', text: m.groups?.q ?? '' }),
  ],
  [/^(?:vedtak|vedtaka|decisions)(?:\s+(?<rest>.*))?$/i, (m) => ({ kind: 'decisions', filters: m.groups?.rest ?? '' })],
  [/^(?:referat|minutes)(?:\s+(?<year>\d{4}))?$/i, (m) => ({ kind: 'minutes', year: m.groups?.year ? Number(m.groups.year) : undefined })],
  [
    /^(?:kunngjøringer her|kunngjeringar her|announce here|bruk denne kanalen(?: til| for)?(?: kunngjøringer| kunngjeringar)?|use this channel(?: for announcements)?)$/i,
    () => ({ kind: 'announceHere' }),
  ],
  [
    /^(?:prosjekt(?:et|kort)?|project|vis|show|status(?:\s+(?:for|på|pa|of))?)\s+(?<q>.+)$/i,
    (m) => ({ kind: 'project', query: m.groups!.q! }),
  ],
];

/** Teams puts `<at>Flokk</at>` in channel messages; the words around it are the command. */
export function stripMentions(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseCommand(raw: string): Command {
  const full = stripMentions(raw);
  const text = full.replace(/[?!.\s]+$/u, '').trim();
  if (text.length === 0) return { kind: 'help' };
  for (const [pattern, make] of RULES) {
    const m = text.match(pattern);
    if (!m) continue;
    const command = clean(make(m));
    // A poll's question keeps its question mark.
    if (command.kind === 'openPoll') return clean(make(full.match(pattern) ?? m));
    return command;
  }
  return { kind: 'freeText', text };
}

function clean(c: Command): Command {
  if ('query' in c) return { ...c, query: c.query.replace(/^[«"'“]+|[»"'”]+$/gu, '').trim() };
  return c;
}
