// GCJ-02 display (VITE_BASEMAP_CRS=gcj02 build): every overlay is shifted for display and every click shifted
// back, so a pin, its block and the assets line up on a Chinese web basemap instead of ~500 m apart.
import { describe, expect, inject, it } from 'vitest';
import { fromWgs84 } from '../../core/geo/crs';
import { idle, openPage, screenOf, useBrowser } from './helpers/browser';

const BAISHI: [number, number] = [112.8836, 27.8555];
/** A vertex of the Baishi Park health path (WGS84, from the seeded assets). */
const PATH_VERTEX: [number, number] = [112.886594, 27.855486];

describe('GCJ-02 basemap mode', () => {
  const gcjUrl = inject('gcjUrl');
  const browser = useBrowser();

  it('draws overlays at GCJ-02 positions and locates clicks in WGS84', async () => {
    const { page, errors } = await openPage(browser, `${gcjUrl}/#z=16&c=${BAISHI.join(',')}`);
    // Boundaries come as GeoJSON transformed in the browser (tiles cannot be shifted).
    expect(await page.evaluate(() => window.__map!.getSource('blocks')?.type)).toBe('geojson');

    const hitsAt = (p: [number, number], layer: string) =>
      page.evaluate(
        ([q, l]) => {
          const map = window.__map!;
          const xy = map.project(q as [number, number]);
          return map.queryRenderedFeatures(
            [
              [xy.x - 4, xy.y - 4],
              [xy.x + 4, xy.y + 4],
            ],
            { layers: [l as string] },
          ).length;
        },
        [p, layer] as const,
      );
    // The path is drawn where a GCJ basemap shows the park, not at its raw WGS84 coordinates (~500 m away).
    expect(await hitsAt(fromWgs84(...PATH_VERTEX, 'gcj02'), 'asset-path-line')).toBeGreaterThan(0);
    expect(await hitsAt(PATH_VERTEX, 'asset-path-line')).toBe(0);

    const at = await screenOf(page, BAISHI, 'gcj02');
    await page.mouse.click(at.x, at.y);
    await expect
      .poll(() => page.locator('#panel h2').textContent(), { timeout: 20_000 })
      .toBe('白石社区第3区块');
    await idle(page);
    // The pin in the URL is WGS84; the marker and the outlined block sit at the GCJ position.
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/pin=/); // written after a debounce
    const hash = await page.evaluate(() => location.hash);
    const [lon, lat] = /pin=([\d.]+),([\d.]+)/.exec(hash)!.slice(1).map(Number);
    expect(Math.abs(lon - BAISHI[0])).toBeLessThan(2e-5);
    expect(Math.abs(lat - BAISHI[1])).toBeLessThan(2e-5);
    expect(await hitsAt(fromWgs84(...BAISHI, 'gcj02'), 'selection-fill')).toBeGreaterThan(0);
    expect(errors()).toEqual([]);
    await page.close();
  });
});
