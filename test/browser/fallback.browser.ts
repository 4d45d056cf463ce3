/**
 * The pane where it cannot run: the built dist/taskpane.html in headless Chromium with no network
 * shows a Danish message saying which Excel is needed (fallback.js), and the emitted scripts parse
 * at the JavaScript versions the oldest admitted webview (ES2018) and the fallback (ES5) need.
 */
import * as acorn from 'acorn';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { checkManifestXml } from '../../scripts/validate-manifest';
import { DIST, ROOT, launchChromium, serveStatic, type BrowserSession, type StaticServer } from '../support/browser';

let server: StaticServer;
let browser: BrowserSession;

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
  // No network: only the local server answers; Office.js's CDN and everything else is refused.
  await browser.context.route('**/*', (route) =>
    route.request().url().startsWith(`${server.origin}/`) ? route.continue() : route.abort('internetdisconnected'),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function distScripts(): string[] {
  return readdirSync(DIST).filter((f) => f.endsWith('.js'));
}

/** The fallback's message, once it is in the pane (or null after `timeoutMs`). */
async function fallbackMessage(page: Page, timeoutMs: number): Promise<{ reason: string | null; text: string } | null> {
  try {
    await page.waitForSelector('#root[data-fallback] [role="alert"]', { timeout: timeoutMs });
  } catch {
    return null;
  }
  return page.evaluate(() => {
    const root = document.getElementById('root')!;
    return { reason: root.getAttribute('data-fallback'), text: root.textContent ?? '' };
  });
}

describe('taskpane.html where the pane cannot run', () => {
  test('with no network, a Danish message says which Excel is needed within five seconds', async () => {
    const page = await browser.newPage();
    const started = Date.now();
    await page.goto(`${server.origin}/taskpane.html`, { waitUntil: 'commit' });
    const message = await fallbackMessage(page, 5000 - (Date.now() - started));
    const elapsed = Date.now() - started;
    expect(message).not.toBeNull();
    expect(elapsed).toBeLessThan(5000);
    expect(message!.reason).toBe('office-js');
    expect(message!.text).toMatch(/kan ikke starte her/);
    expect(message!.text).toMatch(/Office\.js.*kunne ikke hentes/);
    expect(message!.text).toMatch(/Microsoft 365 \(version 2102 eller nyere\).*Excel 2021\/2024/);
    expect(await page.locator('#root a[href="support.html"]').count()).toBe(1);
    await page.close();
  });

  test('in Internet Explorer’s or the old Edge’s webview it explains at once, without waiting for a timeout', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'userAgent', { get: () => 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko' });
    });
    await page.goto(`${server.origin}/taskpane.html`);
    const message = await fallbackMessage(page, 1500);
    expect(message?.reason).toBe('old-webview');
    expect(message?.text).toMatch(/forældet browserkomponent/);
    await page.close();
  });

  // Safari before 14 (a Mac on macOS 10.14 or 10.15 that never took Safari's updates, where Excel
  // for Mac 16.50–16.66 still runs) has no BigInt, which the engine's exact fractions need.
  test('without BigInt it explains at once that Safari 14 or newer is needed', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      delete (globalThis as { BigInt?: unknown }).BigInt;
    });
    await page.goto(`${server.origin}/taskpane.html`);
    const message = await fallbackMessage(page, 5000);
    // Its own reason, not the timeout's or the missing Office.js's: it did not wait for the bundle.
    expect(message?.reason).toBe('no-bigint');
    expect(message?.text).toMatch(/for gammel udgave af Safari/);
    expect(message?.text).toMatch(/Safari 14 eller nyere/);
    expect(message?.text).toMatch(/Softwareopdatering/);
    await page.close();
  });

  test('outside Excel with Office.js reachable, the pane’s own message stays and the fallback keeps quiet', async () => {
    const page = await browser.newPage();
    // Office.js as a plain browser tab sees it: ready, but no host.
    await page.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'window.Office = { HostType: { Excel: "Excel" }, onReady: function (cb) { setTimeout(function () { cb({ host: null, platform: null }); }, 0); return Promise.resolve({ host: null }); } };',
      }),
    );
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByText('Teknisk beregningsark kører i Excel').waitFor({ timeout: 10_000 });
    expect(await fallbackMessage(page, 4000)).toBeNull();
    await page.close();
  });
});

describe('what the build emits', () => {
  test('dist/manifest.xml points at ADDIN_PRODUCTION_URL and holds no development or placeholder address', () => {
    // (`npm run validate` also runs office-addin-manifest's reader on it; that module is ESM-only.)
    const xml = readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');
    expect(checkManifestXml(xml, { root: ROOT, production: true })).toEqual([]);
    expect(xml).not.toMatch(/https:\/\/localhost|example\.com/);
    expect(xml).toContain(`${process.env.ADDIN_PRODUCTION_URL ?? 'https://teknisk-beregningsark.test/'}support.html`);
  });

  test('support.html and the pane’s policy: Office.js and its trust frame, nothing else', () => {
    const support = readFileSync(path.join(DIST, 'support.html'), 'utf8');
    for (const heading of ['Krav', 'Få hjælp', 'Privatliv']) expect(support).toContain(`<h2>${heading}</h2>`);
    expect(support).toMatch(/Intet forlader projektmappen/);
    const csp = /content="(default-src[^"]+)"/.exec(readFileSync(path.join(DIST, 'taskpane.html'), 'utf8'))![1];
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(csp).toMatch(/frame-src https:\/\/appsforoffice\.microsoft\.com;/);
    expect(csp).toMatch(/connect-src 'none'/);
    expect(csp).not.toMatch(/unsafe-eval/);
  });

  test('the fallback script parses as ES5, in the source and in dist/', () => {
    for (const file of [path.join(DIST, 'fallback.js'), path.resolve(__dirname, '../../src/taskpane/fallback.js')]) {
      expect(() => acorn.parse(readFileSync(file, 'utf8'), { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    }
  });

  test('taskpane.html loads the fallback first, from its own origin, with the CSP in place', () => {
    const html = readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\bsrc=("?)([^"\s>]+)\1/g)].map((m) => m[2]);
    expect(scripts[0]).toBe('fallback.js');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).toMatch(/http-equiv="?Content-Security-Policy/);
  });

  test('every bundle parses at ES2018 (the oldest admitted webview) and uses no RegExp lookbehind', () => {
    const bundles = distScripts().filter((f) => f !== 'fallback.js');
    expect(bundles.length).toBeGreaterThanOrEqual(3);
    for (const file of bundles) {
      const code = readFileSync(path.join(DIST, file), 'utf8');
      expect(() => acorn.parse(code, { ecmaVersion: 2018, sourceType: 'script' })).not.toThrow();
      // Safari before 16.4 rejects lookbehind, though ES2018 has it.
      const lookbehind = [...acorn.tokenizer(code, { ecmaVersion: 2018 })].filter(
        (t) => t.type.label === 'regexp' && /\(\?<[=!]/.test((t as unknown as { value: { pattern: string } }).value.pattern),
      );
      expect(lookbehind).toEqual([]);
    }
  });
});
