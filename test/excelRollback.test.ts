/**
 * All or nothing: a failure injected at every operation of every action leaves the workbook
 * exactly as it was, or (for a batch whose annotations are retried cell by cell, and for the
 * final deletion of replaced sheets, which goes forward) exactly as a clean run leaves it; never
 * half-written, never with a temporary sheet left over.
 */
import forslag4Json from '../examples/forslag4.json';
import {
  annotationChanges,
  checkWorkbook,
  computeProposal,
  ProposalSchema,
  readTemplate,
  REPORT_SHEET,
  tableWrites,
  templateChanges,
  type WorkbookChanges,
} from '../src/engine';
import { OfficeWorkbook } from '../src/excel/OfficeWorkbook';
import { FakeExcel, workbookFromRows, type WorkbookModel } from '../src/excel/fake';
import { snapshotOf } from './support/fakeWorkbook';

const forslag4 = ProposalSchema.parse(forslag4Json);

interface Action {
  name: string;
  apiVersion?: string;
  /** A fresh workbook to act on. */
  workbook(): Promise<WorkbookModel>;
  changes(model: WorkbookModel): Promise<WorkbookChanges>;
}

/** The template with Forslag 4, and a person's change to one of its savings (E11: -455 → -555). */
async function templateWorkbook(): Promise<WorkbookModel> {
  const excel = new FakeExcel(workbookFromRows({ Ark1: [['egne data', 7]] }));
  await new OfficeWorkbook(excel).apply(templateChanges(forslag4));
  const input = excel.model.sheet('Input')!;
  input.cells.set('10,4', { ...input.cells.get('10,4'), value: -555 });
  return excel.model;
}

function catalogueWorkbook(): WorkbookModel {
  const model = workbookFromRows({
    'Forslag 9': [
      ['Tabel A. Måltalseffekt'],
      ['1.000 kr. 2025 p/l'],
      ['Udvalg', 'Bevilling', 2025, 2026],
      ['ØU', 'PC 1', -100, '--43.142'],
      ['TMU', 'PC 2', -200, -200],
      ['Total', null, -300, -301],
    ],
    Skjult: [['x']],
  });
  model.sheets[0].notes.set('A1', { content: 'Kilde: bilag 8', author: 'Jens' });
  model.sheets[0].comments.set('B4', { id: 'p1', content: 'Er PC 1 rigtigt?', author: 'Jens', replies: [] });
  model.sheets[1].visibility = 'VeryHidden';
  return model;
}

async function checkChanges(model: WorkbookModel, apiVersion: string): Promise<WorkbookChanges> {
  const snapshot = await new OfficeWorkbook(new FakeExcel(model, { apiVersion })).read();
  return annotationChanges(snapshot, checkWorkbook(snapshot));
}

/** A workbook already annotated once (so there are tool notes and a report sheet to replace). */
async function annotated(apiVersion: string): Promise<WorkbookModel> {
  const model = catalogueWorkbook();
  await new OfficeWorkbook(new FakeExcel(model, { apiVersion })).apply(await checkChanges(model, apiVersion));
  return model;
}

const ACTIONS: Action[] = [
  {
    name: 'Indsæt skabelon in a new workbook',
    workbook: async () => workbookFromRows({ Ark1: [['egne data']] }),
    changes: async () => templateChanges(forslag4),
  },
  {
    name: 'Indsæt skabelon over an existing template (replacing its sheets)',
    workbook: templateWorkbook,
    changes: async () => ({ ...templateChanges(forslag4), replaceSheets: ['Vejledning', 'Input', 'Tabeller', 'Kvantum'] }),
  },
  {
    name: 'Beregn tabeller (cells in existing sheets)',
    workbook: templateWorkbook,
    changes: async (model) => {
      const snapshot = await new OfficeWorkbook(new FakeExcel(model)).read();
      return tableWrites(snapshot, computeProposal(readTemplate(snapshot)));
    },
  },
  {
    name: 'Tjek konsistens with notes (ExcelApi 1.18), again over its own report after a fix',
    workbook: async () => {
      const model = await annotated('1.18');
      model.sheets[0].cells.set('3,3', { value: -43 }); // the person fixed the double minus
      return model;
    },
    changes: (m) => checkChanges(m, '1.18'),
  },
  {
    name: 'Tjek konsistens with threaded comments (ExcelApi 1.13)',
    apiVersion: '1.13',
    workbook: async () => catalogueWorkbook(),
    changes: (m) => checkChanges(m, '1.13'),
  },
  { name: 'Fjern kommentarer (notes)', workbook: () => annotated('1.18'), changes: async () => ({ clearToolNotes: true, removeSheets: [REPORT_SHEET] }) },
  {
    name: 'Fjern kommentarer (threaded comments)',
    apiVersion: '1.13',
    workbook: () => annotated('1.13'),
    changes: async () => ({ clearToolNotes: true, removeSheets: [REPORT_SHEET] }),
  },
];

describe.each(ACTIONS)('a failure at any step: $name', (action) => {
  test('leaves the workbook as it was, or as a clean run leaves it', async () => {
    const clean = await action.workbook();
    const changes = await action.changes(clean);
    const before = snapshotOf(clean);
    const excel = new FakeExcel(clean, { apiVersion: action.apiVersion });
    await new OfficeWorkbook(excel).apply(changes);
    const after = snapshotOf(clean);
    expect(after).not.toBe(before);
    const operations = excel.operationsRun;
    expect(operations).toBeGreaterThan(5);

    // Every operation; in a long action (the template writes thousands of cells) every k-th one
    // and each of the last 80, where the sheets are swapped in and the old ones deleted.
    const stride = Math.max(1, Math.floor(operations / 80));
    const points = [
      ...new Set([
        ...Array.from({ length: Math.ceil(operations / stride) }, (_, i) => 1 + i * stride),
        ...Array.from({ length: Math.min(80, operations) }, (_, i) => operations - i),
      ]),
    ];
    let unchanged = 0;
    for (const at of points) {
      const model = await action.workbook();
      const faulty = new FakeExcel(model, { apiVersion: action.apiVersion });
      faulty.injectFault(at);
      let failed = false;
      await new OfficeWorkbook(faulty).apply(changes).catch(() => (failed = true));
      const state = snapshotOf(model);
      if (state !== before && state !== after) {
        const target = failed ? before : after;
        let i = 0;
        while (state[i] === target[i]) i++;
        const outcome = failed ? 'the action failed' : 'the action succeeded';
        throw new Error(
          `failure at operation ${at} of ${operations} left the workbook half-changed (${outcome}): ` +
            `…${state.slice(i - 80, i + 80)}… instead of …${target.slice(i - 80, i + 80)}…`,
        );
      }
      if (failed) {
        expect(state).toBe(before);
        unchanged++;
      }
      expect(model.sheets.filter((s) => s.name.startsWith('~tb-'))).toEqual([]);
    }
    // Most failures are reported and undone; the rest are recovered and completed.
    expect(unchanged).toBeGreaterThan(0);
  }, 300_000);
});
