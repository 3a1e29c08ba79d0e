// Journey 1a (resident): drop a pin in 白石社区 -> the block card with its cadres, duty line and doctor team;
// a pin outside the district -> the API's own message; the link keeps the view; phone-sized screen; English.
import { describe, expect, inject, it } from 'vitest';
import { idle, launch, openPage, screenOf, screenshot, useBrowser } from './helpers/browser';

const BAISHI: [number, number] = [112.8836, 27.8555];
const BAISHI_BLOCK = 'YH-430302006104-03';
/** West of 长城乡, in view of the district map but outside Yuhu. */
const OUTSIDE: [number, number] = [112.7, 28.02];

describe('resident: which block am I in', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('clicking a point in 白石社区 shows its block, cadres (1+N+1), duty phone and doctor team', async () => {
    const { page, errors } = await openPage(browser, `${baseUrl}/#z=14.6&c=112.8866,27.8575`);
    const at = await screenOf(page, BAISHI);
    await page.mouse.click(at.x, at.y);
    const card = page.locator('#panel article');
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 20_000 }).toBe('白石社区第3区块');
    await expect.poll(() => page.locator('[data-testid=place]').textContent()).toBe('白石社区 · 昭潭街道');
    expect(await card.textContent()).toContain(BAISHI_BLOCK);

    const roles = await page.locator('[data-testid=cadres] .role').allTextContents();
    expect(roles[0]).toBe('区块治理员');
    expect(roles.at(-1)).toBe('监督员');
    expect(roles.filter((r) => r === '协理员').length).toBeGreaterThanOrEqual(1);
    const names = await page.locator('[data-testid=cadres] .name').allTextContents();
    expect(names.every((n) => n.trim().length >= 2)).toBe(true);
    // Personal numbers arrive masked; the call link dials the block's public duty line.
    const phones = await page.locator('[data-testid=cadres] .phone').allTextContents();
    expect(phones.every((p) => /^100-\*{4}-\d{4}$/.test(p))).toBe(true);
    const duty = page.locator('[data-testid=duty-phone]');
    expect(await duty.getAttribute('href')).toMatch(/^tel:07310000\d{4}$/);
    const team = await page.locator('[data-testid=doctor-team]').textContent();
    expect(team).toContain('家庭医生团队');
    expect(await page.locator('[data-testid=doctor-team] a[href^="tel:"]').count()).toBe(1);

    // The selected block is outlined on the map, and the link keeps the pin and the view.
    const outlined = () =>
      page.evaluate((p) => {
        const map = window.__map!;
        return map.queryRenderedFeatures(map.project(p), { layers: ['selection-fill'] }).length;
      }, BAISHI);
    await expect.poll(outlined, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/pin=112\.8836\d*,27\.8555/);
    expect(await page.evaluate(() => location.hash)).toMatch(/z=14\.6/);
    await idle(page);
    await screenshot(page, 'resident', true);
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('a shared link reopens the same block card; English labels on the toggle', async () => {
    const { page, errors } = await openPage(
      browser,
      `${baseUrl}/#z=15&c=${BAISHI.join(',')}&pin=${BAISHI.join(',')}`,
    );
    await expect
      .poll(() => page.locator('#panel h2').textContent(), { timeout: 20_000 })
      .toBe('白石社区第3区块');
    await page.locator('[data-testid=lang-toggle]').click();
    await expect
      .poll(() => page.locator('[data-testid=cadres] .role').first().textContent())
      .toBe('Governor (治理员)');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('lang=en');
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('a click outside the district shows the API’s message, not a silent failure', async () => {
    const { page, errors, expectFailure } = await openPage(browser, `${baseUrl}/`);
    expectFailure(/\/api\/locate\?/);
    const at = await screenOf(page, OUTSIDE);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/locate?')),
      page.mouse.click(at.x, at.y),
    ]);
    expect(answer.status()).toBe(422);
    const body = await answer.json();
    expect(body.error.code).toBe('OUTSIDE_DISTRICT');
    const message = page.locator('[data-testid=api-message]');
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toBe(body.error.message);
    expect(body.error.message).toMatch(/outside Yuhu District/);
    expect(await page.locator('#panel h2').textContent()).toBe('该位置不在雨湖区范围内');
    await screenshot(page, 'resident-outside');
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('works on a phone-sized screen (390×844): the card is a bottom sheet and the pin stays visible', async () => {
    const phone = await launch({ width: 390, height: 844 });
    try {
      const { page, errors } = await openPage(phone, `${baseUrl}/#z=14.5&c=112.8836,27.8535`);
      const at = await screenOf(page, BAISHI);
      await page.mouse.click(at.x, at.y);
      await expect
        .poll(() => page.locator('#panel h2').textContent(), { timeout: 20_000 })
        .toBe('白石社区第3区块');
      await idle(page);
      const sheet = await page.locator('#panel').boundingBox();
      const pin = await page.locator('.pin').boundingBox();
      expect(sheet && pin && pin.y + pin.height <= sheet.y).toBe(true);
      expect(await page.locator('[data-testid=duty-phone]').isVisible()).toBe(true);
      await screenshot(page, 'resident-phone', true);
      expect(errors()).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
