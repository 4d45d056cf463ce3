/**
 * Wording of the adapter's refusals, Danish and English, kept apart from the checks that find them.
 */
import type { Locale } from '../engine';
import type { ChangeProblem } from './errors';

/** The engine's language type: the adapter speaks the same two languages. */
export type AdapterLocale = Locale;

const DA: Record<ChangeProblem['code'], (p: ChangeProblem) => string> = {
  'workbook-protected': () =>
    'Projektmappens struktur er beskyttet, så ark kan ikke tilføjes eller fjernes. Fjern beskyttelsen under Gennemse › Beskyt projektmappe, og prøv igen.',
  'sheet-protected': (p) => `Arket »${p.sheet}« er beskyttet. Fjern arkbeskyttelsen under Gennemse › Fjern arkbeskyttelse, og prøv igen.`,
  'sheet-exists': (p) => `Arket »${p.sheet}« findes allerede og overskrives ikke.`,
  'missing-sheet': (p) => `Arket »${p.sheet}« findes ikke i projektmappen.`,
  'merged-cells': (p) =>
    `Cellerne ${p.cell ?? ''} på arket »${p.sheet}« er flettet, og der skal skrives tal i dem. ` +
    'Ophæv fletningen (Startside › Flet og centrer), og prøv igen.',
  'array-formula': (p) =>
    `Cellerne ${p.cell ?? ''} på arket »${p.sheet}« er en del af en matrixformel, og Excel tillader ikke at ændre en del af en matrix. ` +
    'Markér hele matrixen, og slet den eller flyt den væk fra tabellerne, og prøv igen.',
  spill: (p) =>
    `Cellerne ${p.cell ?? ''} på arket »${p.sheet}« viser resultater fra formlen i ${p.anchor ?? 'en anden celle'} (en dynamisk matrix); ` +
    'skrives der i dem, viser formlen #SPILD!. Flyt eller slet formlen, og prøv igen.',
  'last-sheet': (p) => `Arket »${p.sheet}« er projektmappens eneste synlige ark og kan ikke fjernes.`,
};

const EN: Record<ChangeProblem['code'], (p: ChangeProblem) => string> = {
  'workbook-protected': () =>
    'The workbook structure is protected, so sheets cannot be added or removed. Unprotect it (Review › Protect Workbook) and try again.',
  'sheet-protected': (p) => `The sheet "${p.sheet}" is protected. Unprotect it (Review › Unprotect Sheet) and try again.`,
  'sheet-exists': (p) => `The sheet "${p.sheet}" already exists and is not overwritten.`,
  'missing-sheet': (p) => `The sheet "${p.sheet}" does not exist in the workbook.`,
  'merged-cells': (p) =>
    `The cells ${p.cell ?? ''} on the sheet "${p.sheet}" are merged, and numbers must be written into them. ` +
    'Unmerge them (Home › Merge & Center) and try again.',
  'array-formula': (p) =>
    `The cells ${p.cell ?? ''} on the sheet "${p.sheet}" are part of an array formula, and Excel does not allow changing part of an array. ` +
    'Select the whole array and delete it or move it away from the tables, and try again.',
  spill: (p) =>
    `The cells ${p.cell ?? ''} on the sheet "${p.sheet}" show results spilled from the formula in ${p.anchor ?? 'another cell'} (a dynamic array); ` +
    'writing into them would make the formula show #SPILL!. Move or delete the formula, and try again.',
  'last-sheet': (p) => `The sheet "${p.sheet}" is the workbook's only visible sheet and cannot be removed.`,
};

export function describeChangeProblem(problem: ChangeProblem, locale: AdapterLocale): string {
  return (locale === 'en' ? EN : DA)[problem.code](problem);
}

export function describeRequestFailure(code: string, detail: string, locale: AdapterLocale): string {
  return locale === 'en' ? `Excel refused the request (${code}): ${detail}` : `Excel afviste forespørgslen (${code}): ${detail}`;
}
