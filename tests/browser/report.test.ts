// The report form against the incident API's contract (mocked until the lead's endpoints land): duplicate hint,
// "service unavailable", one Idempotency-Key kept across a retry, the receipt stored for "my reports", rating.
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launch, openPage, screenshot } from './helpers/browser';

const PIN = '112.8836,27.8555';
const json = (route: Route, status: number, body: unknown) =>
  route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

describe('report a problem', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the duplicate hint, keeps one Idempotency-Key across retries, and keeps the receipt', async () => {
    const { page, errors, expectFailure } = await openPage(browser, `${baseUrl}/#z=15&c=${PIN}&pin=${PIN}`);
    expectFailure(/\/api\/incidents/);
    const now = Date.now();
    await page.route('**/api/incidents/nearby?*', (route) =>
      json(route, 200, {
        incidents: [
          {
            id: 'YH-I-1',
            category: 'sanitation',
            status: 'accepted',
            reported_at: new Date(now - 3 * 3600_000).toISOString(),
            distance_m: 23,
          },
        ],
      }),
    );
    const posts: { key: string | undefined; body: Record<string, unknown> }[] = [];
    await page.route('**/api/incidents', async (route) => {
      posts.push({ key: route.request().headers()['idempotency-key'], body: route.request().postDataJSON() });
      if (posts.length === 1)
        return json(route, 404, {
          error: { code: 'NOT_FOUND', message: 'no route for POST /api/incidents' },
        });
      if (posts.length === 2) return route.abort('connectionreset');
      return json(route, 201, {
        id: 'YH-I-2',
        receipt: 'r3c31pt-s3cr3t-0123456789',
        block: { id: 'YH-430302006104-03', name: '白石社区第3区块' },
        community: { code: '430302006104', name: '白石社区' },
        township: { code: '430302006', name: '昭潭街道' },
        generation: 1,
        class: 'A',
        status: 'reported',
        sla: {
          respond_by: new Date(now + 7200_000).toISOString(),
          resolve_by: new Date(now + 86_400_000).toISOString(),
        },
        nearby_open: 1,
      });
    });
    await page.route('**/api/incidents/YH-I-2?receipt=*', (route) =>
      json(route, 200, {
        id: 'YH-I-2',
        status: 'resolved',
        category: 'sanitation',
        class: 'A',
        block: { id: 'YH-430302006104-03', name: '白石社区第3区块' },
        reported_at: new Date(now).toISOString(),
        events: [
          { action: 'report', at: new Date(now).toISOString(), note: null },
          { action: 'resolve', at: new Date(now + 3600_000).toISOString(), note: '已清理' },
        ],
      }),
    );
    let rating: unknown = null;
    await page.route('**/api/incidents/YH-I-2/transitions', (route) => {
      rating = route.request().postDataJSON();
      return json(route, 200, { id: 'YH-I-2', status: 'closed' });
    });

    await page.locator('[data-testid=report-button]').click({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid=duplicate-hint]').textContent()).toContain('23 米');
    await page.locator('#report-description').fill('小区门口垃圾堆积三天无人清运');
    const submit = page.getByRole('button', { name: '提交报事' });
    const status = page.locator('[data-testid=report-error]');
    await submit.click();
    await expect.poll(() => status.textContent()).toContain('报事服务暂未开通');
    await submit.click();
    await expect.poll(() => status.textContent()).toContain('不会重复登记');
    await submit.click();
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe('报事回执');
    expect(posts).toHaveLength(3);
    expect(posts[1].key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(posts[2].key).toBe(posts[1].key);
    expect(posts[2].body).toMatchObject({
      lon: 112.8836,
      lat: 27.8555,
      crs: 'wgs84',
      category: 'sanitation',
      severity: 1,
    });
    await expect
      .poll(() => page.locator('[data-testid=receipt-status]').textContent())
      .toBe('已办结，待评价');
    await screenshot(page, 'report-receipt');

    await page.getByLabel('5 星').check();
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect
      .poll(() => rating)
      .toEqual({ action: 'rate', rating: 5, receipt: 'r3c31pt-s3cr3t-0123456789' });

    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('yuhu.receipts.v1') ?? '[]'));
    expect(stored).toMatchObject([{ id: 'YH-I-2', receipt: 'r3c31pt-s3cr3t-0123456789' }]);
    await page.locator('[data-testid=my-reports]').click();
    await expect.poll(() => page.locator('[data-testid=reports] li').count()).toBe(1);
    expect(await page.locator('[data-testid=reports]').textContent()).toContain('白石社区第3区块');
    expect(errors()).toEqual([]);
    await page.close();
  });
});
