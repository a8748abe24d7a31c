import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { ICON_SIZES } from './manifest-checks';

/**
 * Renders the two PNGs Teams asks for from one source, manifest/icons/flokk.svg: the mark alone,
 * white on transparent, in a 96×96 view box.
 */

export const ACCENT_COLOR = '#235A7A';

function render(svg: string, width: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().asPng();
}

/** The mark, centred on the accent colour with a margin, as Teams shows it in the app store. */
export function renderColorIcon(markSvg: string): Buffer {
  const inner = markSvg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const size = ICON_SIZES.color;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}">` +
    `<rect width="${size}" height="${size}" fill="${ACCENT_COLOR}"/>` +
    `<g transform="translate(40 40) scale(${112 / 96})">${inner}</g></svg>`;
  return render(svg, size);
}

/** The mark at 32×32, every visible pixel forced to pure white (anti-aliasing stays in the alpha). */
export function renderOutlineIcon(markSvg: string): Buffer {
  const png = PNG.sync.read(render(markSvg, ICON_SIZES.outline));
  for (let i = 0; i < png.data.length; i += 4) {
    const visible = png.data[i + 3]! > 0;
    png.data.fill(visible ? 255 : 0, i, i + 3);
  }
  return PNG.sync.write(png, { colorType: 6 });
}
