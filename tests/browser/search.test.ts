// Search (the offline basemap has no streets): find a community, a block and a facility by name, with the keyboard.
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './helpers/browser';

describe('search by name', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('finds a community and outlines it, then a block and opens its card', async () => {
    const { page, errors } = await openPage(browser, `${baseUrl}/`);
    const box = page.locator('#search');
    await box.fill('白石');
    const options = page.getByRole('option');
    await expect
      .poll(() => options.allTextContents(), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining('白石社区'));
    const texts = await options.allTextContents();
    expect(texts.some((t) => t.includes('白石公园'))).toBe(true);
    // The first result is the community (name starts with the query); Enter picks it.
    expect(texts[0]).toContain('村社区');
    await box.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(
          () => window.__map!.getSource('highlight') && window.__map!.querySourceFeatures('highlight').length,
        ),
      )
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate(() => window.__map!.getZoom()), { timeout: 10_000 })
      .toBeGreaterThan(13);

    await box.fill('白石社区第3');
    await expect.poll(() => options.first().textContent()).toContain('白石社区第3区块');
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    await box.press('Enter');
    await expect
      .poll(() => page.locator('#panel h2').textContent(), { timeout: 20_000 })
      .toBe('白石社区第3区块');
    expect(errors()).toEqual([]);
    await page.close();
  });
});
