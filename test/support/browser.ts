/**
 * Browser-test support: a tiny static server for dist/ on 127.0.0.1, Debian's Chromium driven by
 * playwright-core (never a downloaded browser), and a record of every request the page makes.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Set by scripts/test-browser.js from scripts/find-chromium.js; Debian's path otherwise. */
export const CHROMIUM = process.env.TB_CHROMIUM || '/usr/bin/chromium';
export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');

/** Flags that keep Chromium off the network it does not need (and this machine does not have). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port; nothing outside `dir`. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(dir, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface BrowserSession {
  context: BrowserContext;
  /** Every URL any page of the context requested, in order. */
  requests: string[];
  /** Console errors and page errors (CSP violations land here). */
  errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium with a fresh profile, pages `width` px wide, every request recorded. */
export async function launchChromium(width = 400, height = 1000): Promise<BrowserSession> {
  const profile = mkdtempSync(path.join(tmpdir(), 'tb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width, height },
    acceptDownloads: true,
    colorScheme: 'light',
    locale: 'da-DK',
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    requests,
    errors,
    newPage: async () => {
      const page = await context.newPage();
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Requests that left the machine's test server (anything but `origin`, its blobs and data URLs). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => !(url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`) || url.startsWith('data:')));
}
