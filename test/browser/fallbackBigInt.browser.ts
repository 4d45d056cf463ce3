/**
 * A webview without BigInt (Safari before 14: a Mac on macOS 10.14 or 10.15 that never took
 * Safari's updates, where Excel for Mac 16.50–16.66 still runs): the engine's exact fractions cannot
 * run there, so fallback.js says so in Danish at once, before the bundle fails on its first BigInt.
 */
import type { Page } from 'playwright-core';
import { DIST, launchChromium, serveStatic, type BrowserSession, type StaticServer } from '../support/browser';

let server: StaticServer;
let browser: BrowserSession;

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
  await browser.context.route('**/*', (route) =>
    route.request().url().startsWith(`${server.origin}/`) ? route.continue() : route.abort('internetdisconnected'),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function message(page: Page): Promise<{ reason: string | null; text: string }> {
  await page.waitForSelector('#root[data-fallback] [role="alert"]', { timeout: 5_000 });
  return page.evaluate(() => {
    const root = document.getElementById('root')!;
    return { reason: root.getAttribute('data-fallback'), text: root.textContent ?? '' };
  });
}

test('without BigInt the pane explains at once that Safari 14 or newer is needed', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    delete (globalThis as { BigInt?: unknown }).BigInt;
  });
  await page.goto(`${server.origin}/taskpane.html`);
  const shown = await message(page);
  // Its own reason, not the timeout's or the missing Office.js's: it did not wait for the bundle.
  expect(shown.reason).toBe('no-bigint');
  expect(shown.text).toMatch(/for gammel udgave af Safari/);
  expect(shown.text).toMatch(/Safari 14 eller nyere/);
  expect(shown.text).toMatch(/Softwareopdatering/);
  await page.close();
});
