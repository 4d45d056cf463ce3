/**
 * Spreadsheet-flavoured matchers: `expect(findings).toContainFinding('total-mismatch', 'C7')`.
 */
interface FindingLike {
  rule: string;
  cell: string;
  sheet?: string;
  severity?: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toContainFinding(rule: string, cell: string, severity?: string): R;
    }
  }
}

expect.extend({
  toContainFinding(received: FindingLike[], rule: string, cell: string, severity?: string) {
    const pass = received.some((f) => f.rule === rule && f.cell === cell && (severity === undefined || f.severity === severity));
    const list = received.map((f) => `  ${f.rule} ${f.severity ?? ''} ${f.sheet ?? ''}!${f.cell}`).join('\n') || '  (none)';
    return {
      pass,
      message: () => `expected findings ${pass ? 'not ' : ''}to contain ${rule}${severity ? ` (${severity})` : ''} at ${cell}; found:\n${list}`,
    };
  },
});

export {};
