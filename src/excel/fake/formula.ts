/**
 * A small formula evaluator, so the fake reports a result for the formulas a template or a
 * person typically writes (`=SUM(D6:D16)`, `=C7+D7`, `=Input!D5*0,25` in English notation,
 * `=ROUND(x;0)`). Anything it does not know gives `#NAME?`, as Excel does for an unknown function;
 * the caller then falls back to the result cached in the file.
 */
import { fromA1, splitSheetAddress } from '../../engine/cells';
import type { Scalar } from './model';

export type FormulaValue = Scalar;
type Value = FormulaValue | FormulaValue[][];

export interface FormulaHost {
  /** The value of a cell (evaluating its formula), '' when empty; null when the sheet is missing. */
  cellValue(sheet: string, row: number, col: number): FormulaValue | null;
  /** A defined name's reference (`Tabeller!$C$5:$H$17`) or constant, null when unknown. */
  nameReference(name: string, sheet: string): string | null;
}

export class UnsupportedFormula extends Error {}

type Token =
  { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string } | { t: 'err'; v: string };

const ERROR_LITERAL = /^#(REF!|VALUE!|DIV\/0!|NAME\?|N\/A|NUM!|NULL!)/;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?%?/.exec(rest))) {
      const text = m[0];
      const pct = text.endsWith('%');
      const n = Number(pct ? text.slice(0, -1) : text);
      tokens.push({ t: 'num', v: pct ? n / 100 : n });
      i += text.length;
    } else if (ch === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++];
      }
      tokens.push({ t: 'str', v: s });
      i = j + 1;
    } else if ((m = ERROR_LITERAL.exec(rest))) {
      tokens.push({ t: 'err', v: m[0] });
      i += m[0].length;
    } else if ((m = /^('(?:[^']|'')+'|[A-Za-z_\u00C0-\u024F][\w.\u00C0-\u024F]*)!\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?/.exec(rest))) {
      tokens.push({ t: 'ref', v: m[0] });
      i += m[0].length;
    } else if ((m = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?(?![\w(])/.exec(rest))) {
      tokens.push({ t: 'ref', v: m[0] });
      i += m[0].length;
    } else if ((m = /^[A-Za-z_\u00C0-\u024F][\w.\u00C0-\u024F]*/.exec(rest))) {
      tokens.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else if ((m = /^(<>|<=|>=|[-+*/^&=<>(),;:])/.exec(rest))) {
      tokens.push({ t: 'op', v: m[0] });
      i += m[0].length;
    } else {
      throw new UnsupportedFormula(`unexpected "${ch}"`);
    }
  }
  return tokens;
}

type Node =
  | { k: 'lit'; v: FormulaValue }
  | { k: 'ref'; v: string }
  | { k: 'name'; v: string }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'call'; fn: string; args: Node[] };

const PRECEDENCE: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5 };

function parse(tokens: Token[]): Node {
  let pos = 0;
  const peek = () => tokens[pos];
  const expectOp = (v: string) => {
    const t = tokens[pos++];
    if (!t || t.t !== 'op' || t.v !== v) throw new UnsupportedFormula(`expected "${v}"`);
  };
  const primary = (): Node => {
    const t = tokens[pos++];
    if (!t) throw new UnsupportedFormula('unexpected end');
    switch (t.t) {
      case 'num':
        return { k: 'lit', v: t.v };
      case 'str':
        return { k: 'lit', v: t.v };
      case 'err':
        return { k: 'lit', v: t.v };
      case 'ref':
        return { k: 'ref', v: t.v };
      case 'id': {
        const next = peek();
        if (next && next.t === 'op' && next.v === '(') {
          pos++;
          const args: Node[] = [];
          if (!(peek()?.t === 'op' && peek()?.v === ')')) {
            for (;;) {
              args.push(expr(0));
              const sep = peek();
              if (sep?.t === 'op' && (sep.v === ',' || sep.v === ';')) pos++;
              else break;
            }
          }
          expectOp(')');
          return { k: 'call', fn: t.v.toUpperCase(), args };
        }
        const upper = t.v.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { k: 'lit', v: upper === 'TRUE' };
        return { k: 'name', v: t.v };
      }
      case 'op':
        if (t.v === '(') {
          const inner = expr(0);
          expectOp(')');
          return inner;
        }
        if (t.v === '-' || t.v === '+') return { k: 'un', op: t.v, a: expr(6) };
        throw new UnsupportedFormula(`unexpected "${t.v}"`);
    }
  };
  const expr = (minPrec: number): Node => {
    let left = primary();
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op' || !(t.v in PRECEDENCE)) break;
      const prec = PRECEDENCE[t.v];
      if (prec < minPrec) break;
      pos++;
      const right = expr(t.v === '^' ? prec : prec + 1);
      left = { k: 'bin', op: t.v, a: left, b: right };
    }
    return left;
  };
  const node = expr(0);
  if (pos !== tokens.length) throw new UnsupportedFormula('trailing tokens');
  return node;
}

class FormulaErrorValue extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function isError(v: FormulaValue): v is string {
  return typeof v === 'string' && ERROR_LITERAL.test(v) && v.startsWith('#');
}

function toNumber(v: FormulaValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) throw new FormulaErrorValue(v);
  if (v === '') return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new FormulaErrorValue('#VALUE!');
  return n;
}

function scalar(v: Value): FormulaValue {
  return Array.isArray(v) ? (v[0]?.[0] ?? '') : v;
}

/** Evaluates `formula` (with its `=`) on `sheet`; throws UnsupportedFormula for what it cannot. */
export function evaluateFormula(formula: string, sheet: string, host: FormulaHost): FormulaValue {
  const node = parse(tokenize(formula.replace(/^=/, '')));
  try {
    return scalar(evaluate(node, sheet, host));
  } catch (e) {
    if (e instanceof FormulaErrorValue) return e.code;
    throw e;
  }
}

function readReference(ref: string, sheet: string, host: FormulaHost): Value {
  const { sheet: refSheet, address } = splitSheetAddress(ref);
  const target = refSheet ?? sheet;
  const [a, b] = address.split(':');
  const start = fromA1(a);
  const end = b ? fromA1(b) : start;
  const rows: FormulaValue[][] = [];
  for (let r = Math.min(start.row, end.row); r <= Math.max(start.row, end.row); r++) {
    const row: FormulaValue[] = [];
    for (let c = Math.min(start.col, end.col); c <= Math.max(start.col, end.col); c++) {
      const v = host.cellValue(target, r, c);
      if (v === null) throw new FormulaErrorValue('#REF!');
      row.push(v);
    }
    rows.push(row);
  }
  return b ? rows : rows[0][0];
}

function flatten(values: Value[]): FormulaValue[] {
  const out: FormulaValue[] = [];
  for (const v of values) {
    if (Array.isArray(v)) for (const row of v) out.push(...row);
    else out.push(v);
  }
  return out;
}

/** Numbers in ranges count; text and blanks in ranges are skipped, as Excel's SUM does. */
function numbersOf(args: Value[]): number[] {
  const out: number[] = [];
  for (const v of args) {
    if (Array.isArray(v)) {
      for (const row of v)
        for (const x of row) {
          if (isError(x)) throw new FormulaErrorValue(x);
          if (typeof x === 'number') out.push(x);
        }
    } else out.push(toNumber(v));
  }
  return out;
}

function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const y = Math.abs(x) * f;
  return (Math.sign(x) * Math.round(Number(y.toPrecision(15)))) / f;
}

function evaluate(node: Node, sheet: string, host: FormulaHost): Value {
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'ref':
      return readReference(node.v, sheet, host);
    case 'name': {
      const ref = host.nameReference(node.v, sheet);
      if (ref === null) throw new FormulaErrorValue('#NAME?');
      if (ref.startsWith('#')) throw new FormulaErrorValue('#REF!');
      return evaluate(parse(tokenize(ref)), sheet, host);
    }
    case 'un': {
      const a = toNumber(scalar(evaluate(node.a, sheet, host)));
      return node.op === '-' ? -a : a;
    }
    case 'bin': {
      const a = scalar(evaluate(node.a, sheet, host));
      const b = scalar(evaluate(node.b, sheet, host));
      if (isError(a)) throw new FormulaErrorValue(a);
      if (isError(b)) throw new FormulaErrorValue(b);
      switch (node.op) {
        case '+':
          return toNumber(a) + toNumber(b);
        case '-':
          return toNumber(a) - toNumber(b);
        case '*':
          return toNumber(a) * toNumber(b);
        case '/': {
          const d = toNumber(b);
          if (d === 0) throw new FormulaErrorValue('#DIV/0!');
          return toNumber(a) / d;
        }
        case '^':
          return toNumber(a) ** toNumber(b);
        case '&':
          return `${a}${b}`;
        default:
          return compare(node.op, a, b);
      }
    }
    case 'call':
      return call(node.fn, node.args, sheet, host);
  }
}

function compare(op: string, a: FormulaValue, b: FormulaValue): boolean {
  const cmp = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).toLowerCase().localeCompare(String(b).toLowerCase());
  switch (op) {
    case '=':
      return cmp === 0;
    case '<>':
      return cmp !== 0;
    case '<':
      return cmp < 0;
    case '>':
      return cmp > 0;
    case '<=':
      return cmp <= 0;
    default:
      return cmp >= 0;
  }
}

function call(fn: string, argNodes: Node[], sheet: string, host: FormulaHost): Value {
  const arg = (i: number) => evaluate(argNodes[i], sheet, host);
  const all = () => argNodes.map((_, i) => arg(i));
  switch (fn) {
    case 'SUM':
      return numbersOf(all()).reduce((s, x) => s + x, 0);
    case 'MIN': {
      const xs = numbersOf(all());
      return xs.length ? Math.min(...xs) : 0;
    }
    case 'MAX': {
      const xs = numbersOf(all());
      return xs.length ? Math.max(...xs) : 0;
    }
    case 'AVERAGE': {
      const xs = numbersOf(all());
      if (!xs.length) throw new FormulaErrorValue('#DIV/0!');
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    }
    case 'COUNT':
      return flatten(all()).filter((x) => typeof x === 'number').length;
    case 'ABS':
      return Math.abs(toNumber(scalar(arg(0))));
    case 'ROUND':
      return roundHalfAway(toNumber(scalar(arg(0))), argNodes.length > 1 ? toNumber(scalar(arg(1))) : 0);
    case 'IF': {
      const cond = scalar(arg(0));
      if (isError(cond)) throw new FormulaErrorValue(cond);
      const truthy = typeof cond === 'string' ? cond !== '' : Boolean(cond);
      if (truthy) return argNodes.length > 1 ? arg(1) : true;
      return argNodes.length > 2 ? arg(2) : false;
    }
    case 'IFERROR':
      try {
        const v = scalar(arg(0));
        return isError(v) ? arg(1) : v;
      } catch (e) {
        if (e instanceof FormulaErrorValue) return arg(1);
        throw e;
      }
    case 'AND':
      return flatten(all()).every((x) => toNumber(x) !== 0);
    case 'OR':
      return flatten(all()).some((x) => toNumber(x) !== 0);
    case 'CONCATENATE':
      return flatten(all()).join('');
    case 'HYPERLINK':
      return scalar(argNodes.length > 1 ? arg(1) : arg(0));
    default:
      throw new UnsupportedFormula(`unknown function ${fn}`);
  }
}
