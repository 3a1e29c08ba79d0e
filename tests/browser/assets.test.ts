// Journey 4 (assets): the Baishi Park health path drawn with its 1.7 km label, the park, icons with popups,
// and the legend's checkboxes toggling the layers (kept in the URL).
import { describe, expect, inject, it } from 'vitest';
import { idle, openPage, screenshot, useBrowser } from './helpers/browser';

/** Properties of the features a layer has drawn on screen (runs in the page). */
const rendered = (layer: string): Record<string, unknown>[] =>
  window
    .__map!.queryRenderedFeatures({ layers: [layer] })
    .map((f) => ({ ...f.properties, geometry: f.geometry.type }));

describe('assets', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('draws the Baishi Park health path with its length label 1.7 km, the park and facility icons', async () => {
    const { page, errors } = await openPage(browser, `${baseUrl}/#z=15.3&c=112.8885,27.8572`);
    await screenshot(page, 'assets', true);
    const path = await page.evaluate(rendered, 'asset-path-line');
    expect(path.some((f) => f.name === '环白石公园健康步道' && f.kind === 'health_path')).toBe(true);
    const labels = await page.evaluate(rendered, 'asset-path-label');
    expect(labels.map((f) => f.length_label)).toContain('1.7 km');
    const areas = await page.evaluate(rendered, 'asset-area-fill');
    expect(areas.map((f) => f.name)).toContain('白石公园');
    const icons = await page.evaluate(rendered, 'asset-icons');
    expect(new Set(icons.map((f) => f.kind)).size).toBeGreaterThanOrEqual(2);

    // Clicking the path opens its popup with the length.
    const onPath = await page.evaluate(() => {
      const map = window.__map!;
      const f = map.queryRenderedFeatures({ layers: ['asset-path-line'] })[0];
      const coords = (f.geometry as GeoJSON.LineString).coordinates;
      const box = map.getCanvas().getBoundingClientRect();
      const xy = map.project(coords[Math.floor(coords.length / 4)] as [number, number]);
      return { x: box.left + xy.x, y: box.top + xy.y };
    });
    await page.mouse.click(onPath.x, onPath.y);
    const popup = page.locator('[data-testid=asset-popup]');
    await expect.poll(() => popup.textContent()).toContain('环白石公园健康步道');
    expect(await popup.textContent()).toContain('1.7 公里');
    await idle(page);
    await screenshot(page, 'assets-popup');
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('the legend toggles asset groups, and the URL keeps the choice', async () => {
    const { page, errors } = await openPage(browser, `${baseUrl}/#z=15.1&c=112.8878,27.8568`);
    const paths = page.locator('[data-testid=legend] input[value=paths]');
    await paths.uncheck();
    await idle(page);
    expect(await page.evaluate(rendered, 'asset-path-line')).toEqual([]);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/layers=canteens,/);
    await page.locator('[data-testid=legend] input[value=canteens]').uncheck();
    await idle(page);
    const kinds = (await page.evaluate(rendered, 'asset-icons')).map((f) => f.kind);
    expect(kinds).not.toContain('canteen');
    expect(kinds).not.toContain('meal_point');
    // A shared link with those layers off opens the same way (the URL is written after a debounce).
    await expect.poll(() => page.evaluate(() => location.hash)).not.toMatch(/canteens/);
    const hash = await page.evaluate(() => location.hash);
    const again = await openPage(browser, `${baseUrl}/${hash}`);
    expect(await again.page.locator('[data-testid=legend] input[value=paths]').isChecked()).toBe(false);
    expect(await again.page.evaluate(rendered, 'asset-path-line')).toEqual([]);
    await paths.check();
    await idle(page);
    expect((await page.evaluate(rendered, 'asset-path-line')).length).toBeGreaterThan(0);
    expect([...errors(), ...again.errors()]).toEqual([]);
    await again.page.close();
    await page.close();
  });
});
