// Journey 2 (dispatcher, then resident): a new report appears in the dispatcher's queue and on the map; the
// dispatcher accepts and resolves it (each action with If-Match); the resident's receipt then reads resolved and
// the rating goes through even though the version the resident read went stale (412, reload, retry).
import { describe, expect, inject, it } from 'vitest';
import { report } from './helpers/api';
import { idle, openPage, screenshot, useBrowser } from './helpers/browser';

const SPOT: [number, number] = [112.8829, 27.8549];

describe('dispatcher: the closed loop', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('sees the new report in the queue and on the map, accepts and resolves it; the resident rates it', async () => {
    const created = await report(baseUrl, {
      lon: SPOT[0],
      lat: SPOT[1],
      category: 'municipal_facilities',
      description: '白石公园西侧路灯连续三晚不亮',
      contact: { name: '王先生', phone: '100-0000-5678' },
    });

    const { page, errors } = await openPage(browser, `${baseUrl}/#mode=dispatcher&z=13.4&c=112.9,27.87`);
    await page.locator('[data-testid=dev-signin]').click({ timeout: 20_000 });
    await page.locator('[data-testid=desk]').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('yuhu.session.v1'))).toMatch(/^ey/);
    expect(await page.locator('[data-testid=session]').textContent()).toContain('调度员');

    // The queue of new reports (newest first) holds it, with its class and block.
    const row = page.locator(`[data-testid=queue] [data-id="${created.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('白石社区第3区块');
    const transitions: { ifMatch: string | undefined; body: Record<string, unknown> }[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith(`/api/incidents/${created.id}/transitions`))
        transitions.push({ ifMatch: r.headers()['if-match'], body: r.postDataJSON() });
    });
    await row.click();
    const card = page.locator('[data-testid=incident-card]');
    await card.waitFor();
    expect(await card.locator('[data-testid=contact]').textContent()).toBe('王先生 · 100-0000-5678');
    // The URL follows the store after a short debounce (url-sync.ts).
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`incident=${created.id}`);

    // The map flies to it; close up the incidents in view are drawn (clustered client-side) and the open one
    // is drawn on its own, above the clusters.
    await expect
      .poll(() => page.evaluate(() => window.__map!.getZoom()), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(16);
    await idle(page);
    const drawn = () =>
      page.evaluate(() => {
        const map = window.__map!;
        const ids = (layer: string) =>
          map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties.id);
        return {
          selected: ids('selected-incident'),
          others: ids('incident-point').length + ids('incident-cluster').length,
        };
      });
    await expect.poll(async () => (await drawn()).selected, { timeout: 15_000 }).toEqual([created.id]);
    expect((await drawn()).others).toBeGreaterThan(0);

    await card.locator('[data-action=accept]').click();
    await card.locator('[data-testid=confirm-action]').click();
    await expect
      .poll(() => card.locator('[data-testid=incident-status]').textContent(), { timeout: 15_000 })
      .toBe('已受理');
    await idle(page);
    await screenshot(page, 'dispatcher', true);

    await card.locator('[data-action=resolve]').click();
    await card.locator('[data-testid=confirm-action]').click();
    expect(await card.locator('.action-form .form-status').textContent()).toContain('必填');
    await card.locator('#act-note-resolve').fill('已更换灯泡，恢复照明');
    await card.locator('[data-testid=confirm-action]').click();
    await expect
      .poll(() => card.locator('[data-testid=incident-status]').textContent(), { timeout: 15_000 })
      .toBe('已办结，待评价');
    expect(await card.locator('[data-testid=events]').textContent()).toContain('已更换灯泡，恢复照明');
    expect(transitions.map((t) => [t.ifMatch, t.body.action])).toEqual([
      ['"1"', 'accept'],
      ['"2"', 'resolve'],
    ]);
    // Back to the desk: it has left the queue of new reports.
    await card.getByRole('button', { name: '‹ 返回' }).click();
    await page.locator('[data-testid=desk]').waitFor();
    await expect.poll(() => page.locator(`[data-testid=queue] [data-id="${created.id}"]`).count()).toBe(0);
    expect(errors()).toEqual([]);

    // The resident's device (the receipt in "my reports"): resolved, and the rating closes it.
    const resident = await openPage(browser, `${baseUrl}/`);
    resident.expectFailure(/\/transitions$/);
    await resident.page.evaluate(
      (r) => {
        localStorage.setItem(
          'yuhu.receipts.v1',
          JSON.stringify([{ ...r, category: 'municipal_facilities', reported_at: new Date().toISOString() }]),
        );
      },
      {
        id: created.id,
        receipt: created.receipt,
        block: created.block,
        community: '白石社区',
        status: 'reported',
      },
    );
    // The version this page reads is made stale on the way (as if the incident changed meanwhile): the
    // server refuses the rating with 412, the page reloads it and sends the rating again.
    let staled = false;
    await resident.page.route(`**/api/incidents/${created.id}?receipt=*`, async (route) => {
      const response = await route.fetch();
      if (staled) return route.fulfill({ response });
      staled = true;
      return route.fulfill({ response, headers: { ...response.headers(), etag: '"1"' } });
    });
    const answers: number[] = [];
    resident.page.on('response', (r) => {
      if (r.url().endsWith('/transitions')) answers.push(r.status());
    });
    await resident.page.goto(`${baseUrl}/#panel=receipt:${created.id}`);
    const status = resident.page.locator('[data-testid=receipt-status]');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('已办结，待评价');
    expect(await resident.page.locator('[data-testid=receipt-events]').textContent()).toContain('已更换灯泡');
    await resident.page.getByLabel('4 星').check();
    await resident.page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('已关闭');
    expect(answers).toEqual([412, 200]);
    expect(await resident.page.locator('[data-testid=receipt-events]').textContent()).toContain('4 星');
    expect(resident.errors()).toEqual([]);
    await resident.page.close();
    await page.close();
  });
});
