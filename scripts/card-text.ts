/**
 * What a person reads in a message Flokk sent, as plain lines for a terminal: the text, then each
 * card's TextBlocks and rich text, its facts as «title: value», table rows, input labels and
 * choices, and its buttons in brackets. Emphasis markers and Markdown links are unwrapped; user text
 * never carries them (src/cards/escape.ts turns it into look-alikes), so nothing of it is lost.
 */
export function messageText(activity: { text?: unknown; attachments?: Array<{ content?: unknown }> }): string {
  const lines: string[] = [];
  if (typeof activity.text === 'string' && activity.text.trim() !== '') lines.push(unmark(activity.text));
  for (const attachment of activity.attachments ?? []) lines.push(...cardLines(attachment.content));
  return lines.join('\n');
}

type Node = Record<string, unknown>;

/** A filter of every municipality would fill the screen; the first few say what it is. */
const MAX_CHOICES = 10;

function cardLines(card: unknown): string[] {
  const lines: string[] = [];
  const buttons = (actions: unknown) => {
    const titles = list(actions).map((a) => str(a.title)).filter((t) => t !== '');
    if (titles.length > 0) lines.push(titles.map((t) => `[${t}]`).join(' '));
  };
  const walk = (node: Node): void => {
    switch (node.type) {
      case 'TextBlock':
        if (str(node.text)) lines.push(unmark(str(node.text)));
        return;
      case 'RichTextBlock':
        lines.push(unmark(list(node.inlines).map((i) => str(i.text)).join('')));
        return;
      case 'FactSet':
        for (const fact of list(node.facts)) lines.push(`${unmark(str(fact.title))}: ${unmark(str(fact.value))}`);
        return;
      case 'Table':
        for (const row of list(node.rows)) lines.push(list(row.cells).map((c) => cellText(c)).join(' · '));
        return;
      case 'ActionSet':
        buttons(node.actions);
        return;
      case 'Input.ChoiceSet': {
        const choices = list(node.choices).map((c) => str(c.title));
        const shown = choices.slice(0, MAX_CHOICES).join(' · ') + (choices.length > MAX_CHOICES ? ` … (+${choices.length - MAX_CHOICES})` : '');
        lines.push(str(node.label) ? `${unmark(str(node.label))}: ${shown}` : shown);
        return;
      }
      default:
        if (typeof node.type === 'string' && node.type.startsWith('Input.') && str(node.label)) lines.push(`${unmark(str(node.label))}: ____`);
    }
    for (const key of ['body', 'items', 'columns']) for (const child of list(node[key])) walk(child);
  };
  if (card && typeof card === 'object') {
    walk(card as Node);
    buttons((card as Node).actions);
  }
  return lines;
}

function cellText(cell: Node): string {
  const inner: string[] = cardLines({ type: 'AdaptiveCard', body: list(cell.items) });
  return inner.join(' ');
}

const list = (value: unknown): Node[] => (Array.isArray(value) ? value.filter((v): v is Node => !!v && typeof v === 'object') : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Teams Markdown as a terminal shows it: `**bold**` and `[text](url)` unwrapped. */
function unmark(text: string): string {
  return text.replace(/\*\*([^*\n]+)\*\*/g, '$1').replace(/\[([^\]\n]+)\]\((https?:[^)\s]+)\)/g, '$1 ($2)');
}
