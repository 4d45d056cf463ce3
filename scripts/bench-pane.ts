/**
 * `npm run bench:pane [-- --sheets N]`: how responsive the task pane stays on a whole catalogue.
 *
 * Builds dist/ (unless TB_SKIP_BUILD=1), writes a catalogue of N proposal sheets (default 1,000,
 * the generator of `npm run bench`, fixed seed), opens it in the harness in Debian's headless
 * Chromium and records every main-thread task over 50 ms with a PerformanceObserver for
 * 'longtask'. It prints, per step, the longest task, the number of long tasks and the wall time:
 * check (with notes and the report sheet, so there is something to remove), filter switches,
 * the language switch and back, and removal. The target is no task over 100 ms in these steps;
 * the script prints the figures and whether each step met it, and never fails on a slow machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { makeCatalogue } from './bench/catalogue';
import { seededRng } from './bench/random';
import { writeCatalogue } from './bench/xlsx';
import { CHROMIUM, DIST, launchChromium, ROOT, serveStatic } from '../test/support/browser';

const TARGET_MS = 100;

interface Step {
  name: string;
  longest: number;
  longTasks: number;
  wallMs: number;
  /** Each long task as [ms after the step began, duration]. */
  tasks: [number, number][];
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * Notes, in the page, when the next click lands and when progress (or, for a quick action, its
 * result) first appears in the DOM after it; read with `progressDelay`. Timed in the page, as
 * Playwright's own polling would wait for a busy main thread.
 */
async function watchProgress(page: Page, selector: string): Promise<void> {
  await page.evaluate((wanted) => {
    const w = window as unknown as { clickedAt: number; progressAt: number };
    w.clickedAt = 0;
    w.progressAt = 0;
    document.addEventListener('click', () => (w.clickedAt ||= performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (w.clickedAt && document.querySelector(wanted)) {
        w.progressAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }, selector);
}

async function progressDelay(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { clickedAt: number; progressAt: number };
    return Math.round(w.progressAt - w.clickedAt);
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * With `--profile`: what each task over 100 ms spent its time on, from the CPU profile's samples
 * in its time window: the functions with the most self time, and the bundle's functions the time
 * was spent under (inclusive). Names are readable in a bundle built without minifying (`npx
 * webpack --mode production --no-optimization-minimize`). `clockAt` is the page's time of the
 * profile's first `benchClockMark` sample (about: the mark's first sample lands within a sampling interval of its start).
 */
function taskProfiles(profile: CpuProfile, tasks: [number, number][], clockAt: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`;
  // Sample times in ms of the page's clock.
  const times: number[] = [];
  let at = 0;
  for (const delta of profile.timeDeltas) times.push((at += delta) / 1000);
  const inMark = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.functionName === 'benchClockMark') return true;
    return false;
  };
  const mark = profile.samples.findIndex(inMark);
  if (mark < 0) return ['  (clock mark not found in the profile)'];
  const offset = clockAt - times[mark];
  const out: string[] = [];
  for (const [start, duration] of tasks) {
    if (duration < 100) continue;
    const self = new Map<string, number>();
    const under = new Map<string, number>();
    for (let i = 0; i < times.length; i++) {
      const t = times[i] + offset;
      if (t < start || t > start + duration) continue;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const node = byId.get(profile.samples[i])!;
      self.set(label(node), (self.get(label(node)) ?? 0) + ms);
      const seen = new Set<string>();
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
        const frame = byId.get(id)!;
        if (!/harness\.[0-9a-f]+\.js/.test(frame.callFrame.url) || seen.has(label(frame))) continue;
        seen.add(label(frame));
        under.set(label(frame), (under.get(label(frame)) ?? 0) + ms);
      }
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((x, y) => y[1] - x[1])
        .slice(0, n)
        .map(([f, ms]) => `${f} ${Math.round(ms)}`)
        .join(', ');
    out.push(`  task ${Math.round(duration)} ms at ${Math.round(start)}: self [${top(self, 8)}]; under [${top(under, 16)}]`);
  }
  return out;
}

/** Runs `action` and returns the long tasks that started while it ran. */
async function measured(page: Page, name: string, action: () => Promise<void>, cdp?: CDPSession): Promise<Step> {
  let clockAt = 0;
  if (cdp) {
    await cdp.send('Profiler.start');
    // A few ms the profile can find by name: its first sample tells the profile's clock from the
    // page's. Given as text, so that tsx adds no helper the page lacks.
    clockAt = await page.evaluate<number>(`(() => {
      const started = performance.now();
      function benchClockMark() {
        while (performance.now() < started + 20);
      }
      benchClockMark();
      return started;
    })()`);
  }
  const origin = await page.evaluate(() => {
    (window as unknown as { longTasks: number[][] }).longTasks = [];
    return performance.now();
  });
  const started = Date.now();
  await action();
  // Let a task that is still running finish and be reported.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  const wallMs = Date.now() - started;
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[][] }).longTasks);
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const found = tasks.map((t) => [t[0], t[1]] as [number, number]);
    console.log(`${name}:\n${taskProfiles(profile as unknown as CpuProfile, found, clockAt).join('\n')}`);
  }
  return {
    name,
    longest: Math.max(0, ...tasks.map((t) => t[1])),
    longTasks: tasks.length,
    wallMs,
    tasks: tasks.map((t) => [Math.round(t[0] - origin), Math.round(t[1])]),
  };
}

async function main(): Promise<void> {
  const sheets = option('--sheets', 1000);
  if (!existsSync(CHROMIUM)) {
    console.log(`bench:pane needs ${CHROMIUM} (apt-get install -y chromium)`);
    process.exit(1);
  }
  if (process.env.TB_SKIP_BUILD !== '1') {
    console.log('Building dist/ …');
    // The harness is served from here, so any https address will do for the manifest.
    const env = { ADDIN_PRODUCTION_URL: 'https://teknisk-beregningsark.test/', ...process.env };
    const built = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'inherit', env });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'tb-bench-pane-'));
  const file = path.join(dir, `katalog-${sheets}.xlsx`);
  const { sheets: laidOut } = makeCatalogue(sheets, seededRng(sheets));
  const cells = await writeCatalogue(file, laidOut);
  console.log(`Catalogue: ${sheets} sheets, ${cells.toLocaleString('en-GB')} cells.`);

  const server = await serveStatic(DIST);
  const browser = await launchChromium(400, 1000);
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[][] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    const cdp = process.argv.includes('--profile') ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    }
    await page.goto(`${server.origin}/harness.html`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('button', { name: 'Tjek konsistens' }).waitFor();
    const steps: Step[] = [];

    // Opening the file parses the .xlsx in the harness (the part Excel does in real life).
    steps.push(
      await measured(page, 'open file (harness: xlsx parse, not the pane)', async () => {
        await page.getByLabel('Åbn projektmappe').setInputFiles(file);
        await page.locator(`[data-testid=file-name]:text-is("${path.basename(file)}")`).waitFor({ timeout: 600_000 });
      }),
    );
    await page.getByRole('checkbox', { name: /Skriv også noter/ }).check();
    await watchProgress(page, '[data-testid=progress], [data-testid=findings]');
    steps.push(
      await measured(
        page,
        'check + notes and report (incl. in-memory Excel)',
        async () => {
          await page.getByRole('button', { name: 'Tjek konsistens' }).click();
          await page.getByTestId('findings').waitFor({ timeout: 600_000 });
        },
        cdp,
      ),
    );
    const firstProgressMs = await progressDelay(page);
    const counts = page.getByTestId('severity-counts');
    const shown = await page.locator('[data-rule]').count();
    const listed = await page.getByTestId('findings-scroller').getAttribute('data-findings');
    const summary = `${await counts.getAttribute('data-errors')} errors, ${await counts.getAttribute('data-warnings')} warnings, ${await counts.getAttribute('data-infos')} infos (condensed); ${listed} listed, ${shown} rendered`;
    for (const filter of ['all', 'error', 'info', 'problems']) {
      steps.push(
        await measured(
          page,
          `filter → ${filter}`,
          async () => {
            await page.locator(`[data-filter=${filter}]`).click();
            await page.locator(`[data-filter=${filter}][aria-pressed=true]`).waitFor();
          },
          cdp,
        ),
      );
    }
    steps.push(
      await measured(
        page,
        'language → English',
        async () => {
          await page.getByRole('switch', { name: 'English' }).check();
          await page.getByRole('button', { name: 'Check consistency' }).waitFor();
        },
        cdp,
      ),
    );
    steps.push(
      await measured(
        page,
        'language → Danish',
        async () => {
          await page.getByRole('switch', { name: 'English' }).uncheck();
          await page.getByRole('button', { name: 'Tjek konsistens' }).waitFor();
        },
        cdp,
      ),
    );
    await watchProgress(page, '[data-testid=progress], [data-testid=message-success]');
    steps.push(
      await measured(
        page,
        'remove notes and report (incl. in-memory Excel)',
        async () => {
          await page.getByRole('button', { name: 'Fjern noter og rapport' }).click();
          await page.getByTestId('message-success').waitFor({ timeout: 600_000 });
        },
        cdp,
      ),
    );
    const removalProgressMs = await progressDelay(page);
    await page.close();

    console.log(`\nFindings: ${summary}.`);
    console.log(`Progress shown ${firstProgressMs} ms after the click on "Tjek konsistens", ${removalProgressMs} ms after "Fjern noter og rapport".\n`);
    console.log('| Step | Longest task | Tasks > 50 ms | Wall | ≤ 100 ms |');
    console.log('|:--|--:|--:|--:|:--|');
    for (const s of steps)
      console.log(`| ${s.name} | ${Math.round(s.longest)} ms | ${s.longTasks} | ${s.wallMs} ms | ${s.longest <= TARGET_MS ? 'yes' : 'no'} |`);
    if (process.argv.includes('--tasks')) for (const s of steps) console.log(`${s.name}: ${s.tasks.map(([at, ms]) => `${ms} ms at +${at}`).join(', ')}`);
    console.log(
      `\nMachine: ${cpus().length} cores, ${Math.round(freemem() / 2 ** 30)} GiB free, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; Chromium ${CHROMIUM}, 400 × 1000 px.`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
