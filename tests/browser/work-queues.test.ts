// Cadre mode on a phone and department mode: each sees its own queue; a new assignment or escalation arrives
// without reloading (notification stream read with fetch); accept, start and resolve with a note.
import { describe, expect, inject, it } from 'vitest';
import { act, devToken, incident, report } from './helpers/api';
import { idle, openPage, screenshot, useBrowser } from './helpers/browser';

describe('work queues', () => {
  const baseUrl = inject('baseUrl');
  const phone = useBrowser({ width: 390, height: 844 });

  it('a block cadre is told of a new assignment live, sees the contact, and resolves it', async () => {
    const dispatcher = await devToken(baseUrl, { role: 'dispatcher' });
    const { page, errors } = await openPage(phone, `${baseUrl}/#mode=cadre`);
    await page.locator('#dev-cadre').fill('C01089'); // governor of 白石社区第3区块
    await page.locator('[data-testid=dev-signin]').click({ timeout: 20_000 });
    await page.locator('[data-testid=work-queue]').waitFor();
    // The stream is open before the news arrives.
    await expect
      .poll(() => page.locator('[data-testid=bell]').getAttribute('title'), { timeout: 15_000 })
      .toBe('实时');

    const created = await report(baseUrl, {
      lon: 112.8841,
      lat: 27.8552,
      category: 'noise',
      description: '广场舞音响夜里十点后仍很大',
      contact: { name: '李女士', phone: '100-0000-7777' },
    });
    await act(baseUrl, created.id, dispatcher, { action: 'assign', assignee: 'C01089' });
    const count = page.locator('[data-testid=bell-count]');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe('1');
    const row = page.locator(`[data-testid=queue] [data-id="${created.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    const card = page.locator('[data-testid=incident-card]');
    await card.waitFor();
    // The assigned cadre sees the reporter's contact in full, with a call link.
    expect(await card.locator('[data-testid=contact] a').getAttribute('href')).toBe('tel:10000007777');
    await idle(page);
    await screenshot(page, 'cadre', true);
    for (const [action, status] of [
      ['accept', '已受理'],
      ['start', '处理中'],
    ]) {
      await card.locator(`[data-action=${action}]`).click();
      await card.locator('[data-testid=confirm-action]').click();
      await expect
        .poll(() => card.locator('[data-testid=incident-status]').textContent(), { timeout: 15_000 })
        .toBe(status);
    }
    await card.locator('[data-action=resolve]').click();
    await card.locator('#act-note-resolve').fill('已劝导，音响音量已调低');
    await card.locator('[data-testid=confirm-action]').click();
    await expect
      .poll(() => card.locator('[data-testid=incident-status]').textContent(), { timeout: 15_000 })
      .toBe('已办结，待评价');
    expect((await incident(baseUrl, created.id, dispatcher)).status).toBe('resolved');
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('a department sees work escalated to it and resolves it', async () => {
    const dispatcher = await devToken(baseUrl, { role: 'dispatcher' });
    const created = await report(baseUrl, {
      lon: 112.9188,
      lat: 27.8853,
      category: 'illegal_construction',
      description: '临街店铺屋顶加建彩钢棚',
    });
    // Department staff on the same phone-sized screen (a new page: its own sessionStorage, so its own sign-in).
    {
      const { page, errors } = await openPage(phone, `${baseUrl}/#mode=department`);
      await page.locator('#dev-department').selectOption('urban_management');
      await page.locator('[data-testid=dev-signin]').click({ timeout: 20_000 });
      await page.locator('[data-testid=work-queue]').waitFor();
      await expect
        .poll(() => page.locator('[data-testid=bell]').getAttribute('title'), { timeout: 15_000 })
        .toBe('实时');
      await act(baseUrl, created.id, dispatcher, {
        action: 'escalate',
        class: 'C',
        department: 'urban_management',
      });
      const row = page.locator(`[data-testid=queue] [data-id="${created.id}"]`);
      await row.waitFor({ timeout: 20_000 }); // the escalation notification reloads the queue
      expect(await page.locator('#panel h2').textContent()).toBe('城管局待办');
      await row.click();
      const card = page.locator('[data-testid=incident-card]');
      await card.locator('[data-action=accept]').click();
      await card.locator('[data-testid=confirm-action]').click();
      await expect
        .poll(() => card.locator('[data-testid=incident-status]').textContent(), { timeout: 15_000 })
        .toBe('已受理');
      await card.locator('[data-action=resolve]').click();
      await card.locator('#act-note-resolve').fill('已责令拆除');
      await card.locator('[data-testid=confirm-action]').click();
      await expect
        .poll(() => card.locator('[data-testid=incident-status]').textContent(), { timeout: 15_000 })
        .toBe('已办结，待评价');
      expect(errors()).toEqual([]);
      await page.close();
    }
  });
});
