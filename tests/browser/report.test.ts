// Journey 1 (resident), against the real server: click a point in 白石社区 -> block card with cadres -> the
// report form with the duplicate hint (GET /nearby) and a photo (upload, commit) -> a lost answer retried with
// the same Idempotency-Key -> the receipt -> "my reports", and following it by receipt on another device.
import { describe, expect, inject, it } from 'vitest';
import { report } from './helpers/api';
import { launch, openPage, screenOf, screenshot, useBrowser } from './helpers/browser';
import { gradientPng } from './helpers/png';

const BAISHI: [number, number] = [112.8836, 27.8555];

describe('resident: report a problem and follow it', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('reports with a photo, survives a lost answer without a duplicate, and reopens the receipt', async () => {
    // Someone already reported rubbish here: the form should say so before the resident sends a second one.
    const earlier = await report(baseUrl, {
      lon: BAISHI[0] + 0.0002,
      lat: BAISHI[1],
      category: 'sanitation',
      description: '公园门口垃圾桶满溢',
    });
    const { page, errors, expectFailure } = await openPage(browser, `${baseUrl}/#z=15.4&c=112.8850,27.8565`);
    const at = await screenOf(page, BAISHI);
    await page.mouse.click(at.x, at.y);
    await expect
      .poll(() => page.locator('#panel h2').textContent(), { timeout: 20_000 })
      .toBe('白石社区第3区块');
    expect(await page.locator('[data-testid=cadres] .role').first().textContent()).toBe('区块治理员');

    await page.locator('[data-testid=report-button]').click();
    const hint = page.locator('[data-testid=duplicate-hint]');
    await expect
      .poll(() => hint.textContent(), { timeout: 10_000 })
      .toMatch(/附近 50 米内已有 \d+ 件同类事件/);
    expect(await hint.textContent()).toMatch(/最近一件在 \d+ 米外，刚刚上报/);

    await page.locator('#report-description').fill('白石公园南门垃圾堆积三天无人清运');
    await page.locator('#report-photo').setInputFiles({
      name: 'rubbish.png',
      mimeType: 'image/png',
      buffer: gradientPng(96, 64),
    });
    await expect
      .poll(() => page.locator('[data-testid=photo-status]').textContent(), { timeout: 15_000 })
      .toContain('照片已上传');

    // The first answer is lost (connection reset): the form keeps the key, and the retry files it once.
    const posts: { key: string | undefined; body: Record<string, unknown> }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/incidents')
        posts.push({ key: r.headers()['idempotency-key'], body: r.postDataJSON() });
    });
    expectFailure(/\/api\/incidents$/);
    let dropped = false;
    await page.route('**/api/incidents', async (route) => {
      if (dropped) return route.fallback();
      dropped = true;
      await route.fetch(); // the server files it...
      await route.abort('connectionreset'); // ...but the answer never arrives
    });
    const submit = page.getByRole('button', { name: '提交报事' });
    await submit.click();
    await expect
      .poll(() => page.locator('[data-testid=report-error]').textContent(), { timeout: 15_000 })
      .toContain('同一报事不会重复登记');
    await submit.click();
    await expect.poll(() => page.locator('#panel h2').textContent(), { timeout: 15_000 }).toBe('报事回执');
    expect(posts).toHaveLength(2);
    expect(posts[0].key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(posts[1].key).toBe(posts[0].key);
    expect(posts[1].body).toMatchObject({ crs: 'wgs84', category: 'sanitation', severity: 1 });
    expect(posts[1].body.photos).toEqual([expect.stringMatching(/^uploads\/\d{4}\/\d{2}\/.+\.png$/)]);

    const id = (await page.locator('[data-testid=receipt-id]').textContent()) ?? '';
    expect(id).toMatch(/^YH\d{8}-/);
    expect(id).not.toBe(earlier.id);
    await expect.poll(() => page.locator('[data-testid=receipt-status]').textContent()).toBe('已上报');
    expect(await page.locator('[data-testid=receipt-events]').textContent()).toContain('居民上报');
    // The photo comes back from the API (metadata stripped) and is drawn.
    await expect
      .poll(() =>
        page.locator('[data-testid=photos] img').evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(96);
    await screenshot(page, 'report-receipt');

    // Replaying the same key and body returns the same report (what the retry relied on).
    const replay = await fetch(`${baseUrl}/api/incidents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': posts[0].key! },
      body: JSON.stringify(posts[1].body),
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await replay.json()).id).toBe(id);

    // "My reports" keeps it on this device.
    await page.locator('[data-testid=my-reports]').click();
    await expect.poll(() => page.locator('[data-testid=reports] li').count()).toBe(1);
    expect(await page.locator('[data-testid=reports]').textContent()).toContain('白石社区第3区块');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('yuhu.receipts.v1') ?? '[]'));
    const receipt = stored[0].receipt as string;

    expect(errors()).toEqual([]);
    await page.close();

    // Another device (its own browser profile, nothing stored): the number and receipt code reopen it.
    const other = await launch();
    try {
      const device = await openPage(other, `${baseUrl}/`);
      await device.page.locator('[data-testid=my-reports]').click({ timeout: 20_000 });
      await device.page.locator('[data-testid=reports-empty]').waitFor();
      await device.page.locator('.follow summary').click();
      await device.page.locator('#follow-id').fill(id);
      await device.page.locator('#follow-code').fill(receipt);
      await device.page.getByRole('button', { name: '查询' }).click();
      await expect
        .poll(() => device.page.locator('[data-testid=receipt-status]').textContent())
        .toBe('已上报');
      expect(await device.page.locator('[data-testid=receipt-events]').textContent()).toContain('居民上报');
      expect(device.errors()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
