import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderColorIcon, renderOutlineIcon } from './icons';

/**
 * Regenerates manifest/color.png and manifest/outline.png from manifest/icons/flokk.svg.
 * Run from the repository root: `npm run icons`. test/manifest checks the committed PNGs still match.
 */
const manifestDir = path.resolve(process.argv[2] ?? 'manifest');
const mark = readFileSync(path.join(manifestDir, 'icons/flokk.svg'), 'utf8');
writeFileSync(path.join(manifestDir, 'color.png'), renderColorIcon(mark));
writeFileSync(path.join(manifestDir, 'outline.png'), renderOutlineIcon(mark));
console.log(`wrote ${path.join(manifestDir, 'color.png')} and ${path.join(manifestDir, 'outline.png')}`);
