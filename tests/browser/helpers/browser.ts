// Launches Debian's Chromium for a journey (fresh profile, SwiftShader WebGL) and watches pages for console errors.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath } from '../../../bench/lib/chromium';

export const RESULTS = 'test-results/browser';
export const DOC_SHOTS = 'docs/screenshots';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A Chromium with its own throw-away profile directory (--user-data-dir), closed and removed by close(). */
export async function launch(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  mkdirSync(RESULTS, { recursive: true });
  mkdirSync(DOC_SHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'yuhu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS],
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The Chromium of a describe block: launched before its tests, closed after them. Use it like a Browser
 * (`openPage(browser, url)`); it is only usable inside tests and hooks.
 */
export function useBrowser(viewport?: { width: number; height: number }): Browser {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launch(viewport);
  });
  afterAll(async () => {
    await launched?.close();
  });
  const current = () => {
    if (!launched) throw new Error('useBrowser(): the browser exists only inside tests and hooks');
    return launched;
  };
  return {
    get context() {
      return current().context;
    },
    close: () => current().close(),
  };
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions so far, minus failed requests the journey expects. */
  errors(): string[];
  /** A request to a URL matching this may fail (e.g. 422 for a pin outside the district). */
  expectFailure(pattern: RegExp): void;
}

/** Opens a page that records every console error and page error. */
export async function openPage(browser: Browser, url: string): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  const errors: { text: string; url: string }[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push({ text: m.text(), url: m.location().url ?? '' });
  });
  page.on('pageerror', (e) => errors.push({ text: `uncaught: ${e.message}`, url: '' }));
  await page.goto(url);
  await waitForMap(page);
  return {
    page,
    errors: () =>
      errors
        .filter((e) => !(e.text.startsWith('Failed to load resource') && allowed.some((p) => p.test(e.url))))
        .map((e) => `${e.text} ${e.url}`.trim()),
    expectFailure: (p) => allowed.push(p),
  };
}

/** Waits until the map exists, has loaded its style, and has drawn everything it is loading (idle). */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__map?.loaded()), null, { timeout: 45_000 });
  await idle(page);
}

/** The map's next `idle`: every source loaded and every label placed. */
export async function idle(page: Page): Promise<void> {
  await page.evaluate(() => window.__mapIdle?.());
}

/** Screen position (page pixels) of a WGS84 point, through the app's display CRS. */
export async function screenOf(page: Page, lonLat: [number, number], crs: 'wgs84' | 'gcj02' = 'wgs84') {
  const display = crs === 'wgs84' ? lonLat : await gcj(lonLat);
  return page.evaluate((p) => {
    const map = window.__map!;
    const box = map.getCanvas().getBoundingClientRect();
    const xy = map.project(p as [number, number]);
    return { x: box.left + xy.x, y: box.top + xy.y };
  }, display);
}

/** WGS84 -> GCJ-02 with the same helper the app uses (core/geo/crs.ts). */
async function gcj(lonLat: [number, number]): Promise<[number, number]> {
  const { fromWgs84 } = await import('../../../core/geo/crs.js');
  return fromWgs84(lonLat[0], lonLat[1], 'gcj02');
}

/** Saves a screenshot under test-results/browser/ and, for commit-ready states, docs/screenshots/. */
export async function screenshot(page: Page, name: string, forDocs = false): Promise<void> {
  await page.screenshot({ path: join(RESULTS, `${name}.png`) });
  if (forDocs) await page.screenshot({ path: join(DOC_SHOTS, `${name}.png`) });
}
