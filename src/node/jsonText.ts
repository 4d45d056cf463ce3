/**
 * JSON input with Danish syntax errors. `JSON.parse` says what went wrong in English and by
 * character offset; a person editing forslag.json needs the line and column and Danish words.
 * When `JSON.parse` refuses a text, a small scanner walks the same grammar to find the first
 * place it goes wrong.
 */

/** Where and why a text is not JSON: 1-based line and column. */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  reason: string;
}

/** Parses `text` (a leading byte-order mark is allowed) or returns the first syntax problem. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false, problem: locateSyntaxError(body) };
  }
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The first syntax error in `text`, located by line and column. */
export function locateSyntaxError(text: string): JsonSyntaxProblem {
  if (text.trim() === '') return { line: 1, column: 1, reason: 'filen er tom' };
  let at = 0;
  const found = (): string => (at >= text.length ? 'filens slutning' : `»${text[at]}«`);
  const fail = (expected: string): never => {
    throw new Stop(at, at >= text.length ? `filen slutter, før JSON er færdig (forventede ${expected})` : `forventede ${expected}, men fandt ${found()}`);
  };
  const space = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at])) at++;
  };
  const string = () => {
    if (text[at] !== '"') fail('et navn i anførselstegn');
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text[at] === '\\') {
        at++;
        if (at < text.length && !'"\\/bfnrtu'.includes(text[at])) throw new Stop(at, `ugyldig escape-sekvens \\${text[at]} i en tekst`);
      } else if (text.charCodeAt(at) < 0x20) {
        throw new Stop(at, 'linjeskift eller kontroltegn inde i en tekst (luk teksten med " på samme linje)');
      }
      at++;
    }
    if (at >= text.length) fail('et afsluttende "');
    at++;
  };
  const value = (depth: number): void => {
    if (depth > 1000) throw new Stop(at, 'for dybt indlejret');
    space();
    const ch = text[at];
    if (ch === '{') {
      at++;
      space();
      if (text[at] === '}') {
        at++;
        return;
      }
      for (;;) {
        space();
        string();
        space();
        if (text[at] !== ':') fail('»:« efter feltnavnet');
        at++;
        value(depth + 1);
        space();
        if (text[at] === ',') {
          at++;
          space();
          if (text[at] === '}') fail('et feltnavn efter »,« (et komma for meget?)');
          continue;
        }
        if (text[at] === '}') {
          at++;
          return;
        }
        fail('»,« eller »}« efter en værdi (mangler der et komma?)');
      }
    }
    if (ch === '[') {
      at++;
      space();
      if (text[at] === ']') {
        at++;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[at] === ',') {
          at++;
          space();
          if (text[at] === ']') fail('en værdi efter »,« (et komma for meget?)');
          continue;
        }
        if (text[at] === ']') {
          at++;
          return;
        }
        fail('»,« eller »]« efter en værdi');
      }
    }
    if (ch === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (literal && literal[0] !== '') {
      at += literal[0].length;
      return;
    }
    if (ch === "'") fail('en værdi; tekst skal stå i dobbelte anførselstegn (")');
    fail('en værdi (et tal, en tekst i "", true, false, null, [ eller {)');
  };
  try {
    value(0);
    space();
    if (at < text.length) throw new Stop(at, `tekst efter JSON-værdien (fandt ${found()})`);
    return { ...position(text, text.length), reason: 'ugyldig JSON' };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ...position(text, error.at), reason: error.reason };
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
