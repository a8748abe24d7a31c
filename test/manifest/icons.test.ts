import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { renderColorIcon, renderOutlineIcon } from '../../scripts/icons';
import { checkIcon } from '../../scripts/manifest-checks';

const MANIFEST = path.resolve(__dirname, '../../manifest');
const committed = (name: string) => readFileSync(path.join(MANIFEST, name));
const mark = readFileSync(path.join(MANIFEST, 'icons/flokk.svg'), 'utf8');

/** A PNG of the given size, every pixel `rgba`, with optional changes. */
function png(size: number, rgba: [number, number, number, number], edit?: (data: Buffer) => void): Buffer {
  const image = new PNG({ width: size, height: size });
  for (let i = 0; i < image.data.length; i += 4) image.data.set(rgba, i);
  edit?.(image.data);
  return PNG.sync.write(image);
}

/**
 * The largest difference in any channel of any pixel, colours weighted by their alpha: a few steps
 * of anti-aliasing may differ between CPUs, and the colour of a nearly transparent pixel hardly shows.
 */
function maxDifference(a: Buffer, b: Buffer): number {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height) return Infinity;
  const weighted = (data: Buffer, i: number) => (i % 4 === 3 ? data[i]! : (data[i]! * data[i - (i % 4) + 3]!) / 255);
  let max = 0;
  for (let i = 0; i < x.data.length; i++) max = Math.max(max, Math.abs(weighted(x.data, i) - weighted(y.data, i)));
  return max;
}

describe('the committed icons', () => {
  it('are the right size, and the outline is white on transparent', () => {
    expect(checkIcon('color', committed('color.png'))).toEqual([]);
    expect(checkIcon('outline', committed('outline.png'))).toEqual([]);
  });

  it('are what scripts/make-icons.ts renders from manifest/icons/flokk.svg (run it after changing the mark)', () => {
    expect(maxDifference(renderColorIcon(mark), committed('color.png'))).toBeLessThanOrEqual(4);
    expect(maxDifference(renderOutlineIcon(mark), committed('outline.png'))).toBeLessThanOrEqual(4);
  });
});

describe('the icon check', () => {
  const white: [number, number, number, number] = [255, 255, 255, 255];
  const clear: [number, number, number, number] = [0, 0, 0, 0];
  const whiteDot = (data: Buffer) => data.set(white, 0);

  it('refuses a colour icon that is not 192×192', () => {
    expect(checkIcon('color', png(32, [35, 90, 122, 255]))).toEqual(['color.png is 32×32; Teams requires 192×192']);
  });

  it('refuses an outline icon that is not 32×32', () => {
    expect(checkIcon('outline', png(192, clear, whiteDot))).toEqual(['outline.png is 192×192; Teams requires 32×32']);
  });

  it('refuses an outline icon with a pixel that is visible but not pure white', () => {
    const greyish = png(32, clear, (data) => {
      whiteDot(data);
      data.set([254, 255, 255, 10], 40);
    });
    expect(checkIcon('outline', greyish).join()).toMatch(/1 visible pixels that are not pure white/);
  });

  it('refuses an outline icon with no transparency, and an empty one', () => {
    expect(checkIcon('outline', png(32, white)).join()).toMatch(/no transparent pixels/);
    expect(checkIcon('outline', png(32, clear)).join()).toMatch(/outline\.png is empty/);
  });

  it('accepts white at any opacity on a transparent background', () => {
    expect(checkIcon('outline', png(32, clear, (data) => data.set([255, 255, 255, 128], 8)))).toEqual([]);
  });

  it('refuses a file that is not a PNG', () => {
    expect(checkIcon('color', Buffer.from('<svg/>'), 'color.png').join()).toMatch(/color\.png is not a readable PNG/);
  });
});
