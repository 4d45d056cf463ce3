/**
 * The task pane under axe-core (injected into the built harness page) in the states a budget officer
 * meets: the start, a catalogue's findings with remarks shown, the replace dialog, Input problems,
 * and the dark theme. Any violation fails, with its rule and the elements it names.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DIST, launchChromium, ROOT, serveStatic, type BrowserSession, type StaticServer } from '../support/browser';

const AXE = readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let server: StaticServer;
let browser: BrowserSession;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'tb-axe-'));
  server = await serveStatic(DIST);
  browser = await launchChromium(400);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Violation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/** axe-core's violations in the pane (and a dialog it opened); the harness's sheet view is not the add-in. */
async function violations(page: Page): Promise<Violation[]> {
  // Evaluated through the browser's debugging protocol, so the page's Content-Security-Policy allows it.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    // Fluent's focus manager (tabster) keeps aria-hidden focus sentinels on purpose: a known false
    // positive of aria-hidden-focus (microsoft/tabster#288), so those elements alone are left out.
    const result = await axe.run({ exclude: [['section[aria-label="Projektmappe"]'], ['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

async function openHarness(query = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/harness.html${query}`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('button', { name: 'Tjek konsistens' }).waitFor();
  return page;
}

async function catalogue(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Forslag 9').addRows([
    ['Tabel A. Måltalseffekt'],
    ['1.000 kr. 2025 p/l'],
    ['Udvalg', 'Bevilling, profitcenter mv.', 2025, 2026, 2027],
    ['Økonomiudvalget', null, -100, -200, -200],
    ['TMU', 'PC 2', -50, '--43.142', -100],
    ['Total', null, -150, -250, -301],
  ]);
  await wb.xlsx.writeFile(file);
}

describe('axe-core finds no violation in the task pane', () => {
  test('at the start, in light and dark theme', async () => {
    for (const query of ['', '?theme=dark']) {
      const page = await openHarness(query);
      expect([query, await violations(page)]).toEqual([query, []]);
      await page.close();
    }
  });

  test('with a catalogue’s findings, remarks shown', async () => {
    const file = path.join(work, 'katalog.xlsx');
    await catalogue(file);
    const page = await openHarness();
    await page.getByLabel('Åbn projektmappe').setInputFiles(file);
    await page.getByRole('button', { name: 'Tjek konsistens' }).click();
    await page.getByTestId('findings').waitFor();
    await page.getByTestId('show-infos').click();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  test('with the replace dialog open, and with Input problems', async () => {
    const page = await openHarness();
    await page.getByRole('button', { name: 'Indsæt skabelon' }).click();
    await page.getByTestId('message-success').waitFor();
    await page.getByRole('button', { name: 'Indsæt skabelon' }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Beregn tabeller' }).click();
    await page.getByTestId('result').locator('[data-testid=error-state], [data-testid=result-summary]').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
