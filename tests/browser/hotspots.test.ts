// Journey 3 (hot areas): with the seeded history, the Gi* layer shows the old town's planted cluster (火车站社区,
// 熙春路社区) as hot, the legend names every bin, the H3 hexagons carry counts, the filters change the analysis,
// and the browser never asks for the whole district's incidents.
import { describe, expect, inject, it } from 'vitest';
import { idle, openPage, screenOf, screenshot, useBrowser } from './helpers/browser';

/** Block id prefixes of 火车站社区 and 熙春路社区. */
const OLD_TOWN = /^YH-(430302003005|430302002001)-/;

describe('hot areas', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('shows the planted old-town cluster as hot, with a legend and hexagon counts', async () => {
    const { page, errors } = await openPage(browser, `${baseUrl}/#mode=dispatcher&z=13.8&c=112.9085,27.8775`);
    const lists: URL[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/incidents') lists.push(url);
    });
    await page.locator('[data-testid=dev-signin]').click({ timeout: 20_000 });
    const summary = page.locator('[data-testid=desk-summary]');
    await expect
      .poll(() => summary.textContent(), { timeout: 20_000 })
      .toMatch(/^近30天共 [\d,]+ 件报事 · 热点区块 \d+ 个$/);
    await idle(page);

    // On the map: blocks of 火车站社区 / 熙春路社区 carry bin +2 or +3.
    const hotBlocks = () =>
      page.evaluate(() =>
        window
          .__map!.queryRenderedFeatures({ layers: ['hotspot-fill'] })
          .filter((f) => (f.state.bin ?? 0) >= 2)
          .map((f) => String(f.properties.id)),
      );
    await expect
      .poll(async () => (await hotBlocks()).filter((id) => OLD_TOWN.test(id)).length)
      .toBeGreaterThan(0);
    const legend = page.locator('[data-testid=hotspot-legend]');
    expect(await legend.isVisible()).toBe(true);
    const bins = await legend.locator('li').allTextContents();
    expect(bins).toEqual([
      '+3 热点 99%',
      '+2 热点 95%',
      '+1 热点 90%',
      '0 不显著',
      '−1 冷点 90%',
      '−2 冷点 95%',
      '−3 冷点 99%',
    ]);
    // Hexagons with their counts (res 9 at this zoom).
    const hexes = await page.evaluate(
      () => window.__map!.queryRenderedFeatures({ layers: ['hex-fill'] }).length,
    );
    expect(hexes).toBeGreaterThan(10);
    const labels = await page.evaluate(() =>
      window.__map!.queryRenderedFeatures({ layers: ['hex-label'] }).map((f) => Number(f.properties.count)),
    );
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((n) => n >= 1)).toBe(true);

    // The hot-block list names them, strongest first; a click on the map explains one block.
    await page.locator('[data-tab=hot]').click();
    const hot = await page.locator('[data-testid=hot-blocks] .name').allTextContents();
    expect(hot.some((n) => /^(火车站|熙春路)社区第\d+区块$/.test(n))).toBe(true);
    await screenshot(page, 'hotspots', true);
    const station = await screenOf(page, [112.91871, 27.88535]); // 火车站社区第3区块
    await page.mouse.click(station.x, station.y);
    const popup = page.locator('[data-testid=hotspot-popup]');
    await expect.poll(() => popup.textContent()).toMatch(/火车站社区第3区块.*热点 (99|95)%/);

    // A shorter period changes the analysis (and the link keeps it).
    await page.locator('[data-testid=window] input[value="7d"]').check({ force: true });
    await expect.poll(() => summary.textContent()).toMatch(/^近7天共/);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('w=7d');
    await idle(page);

    // Never the whole district's incidents: every list asks for one page, of the viewport or of a queue.
    expect(lists.length).toBeGreaterThan(0);
    for (const url of lists) {
      expect(Number(url.searchParams.get('limit'))).toBeLessThanOrEqual(200);
      expect(url.searchParams.has('bbox') || url.searchParams.has('status')).toBe(true);
    }
    expect(errors()).toEqual([]);
    await page.close();
  });
});
