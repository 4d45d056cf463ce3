/**
 * `npm run validate` passes the manifest and fails on the defects that break sideloading.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkManifestXml } from '../scripts/validate-manifest';

const root = path.resolve(__dirname, '..');
const manifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

function problemsOf(xml: string) {
  return checkManifestXml(xml, { root });
}

/** `npm run validate` on a copy: its exit status and output. */
function validateCopy(xml: string): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  const file = path.join(dir, 'manifest.xml');
  fs.writeFileSync(file, xml);
  try {
    const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'scripts', 'validate-manifest.ts'), file], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function edit(from: string | RegExp, to: string): string {
  const changed = manifest.replace(from, to);
  expect(changed).not.toBe(manifest);
  return changed;
}

describe('manifest validation', () => {
  test('the manifest passes', () => {
    expect(problemsOf(manifest)).toEqual([]);
  });

  test('the command passes it, also through office-addin-manifest’s reader, and fails on a broken resid or http', () => {
    expect(validateCopy(manifest)).toMatchObject({ status: 0, output: expect.stringMatching(/OK/) });
    const broken = validateCopy(manifest.replace('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Nope"/>'));
    expect(broken).toMatchObject({ status: 1, output: expect.stringMatching(/resid "Nope" findes ikke/) });
    const http = validateCopy(manifest.replace(/https:\/\/localhost:3000\/taskpane.html/g, 'http://localhost:3000/taskpane.html'));
    expect(http).toMatchObject({ status: 1, output: expect.stringMatching(/skal bruge https/) });
  }, 30_000);

  test.each([
    ['a broken resid', edit('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Taskpane.Ulr"/>'), /resid "Taskpane.Ulr" findes ikke/],
    ['a resid of the wrong kind', edit('<Label resid="TaskpaneButton.Label"/>', '<Label resid="Taskpane.Url"/>'), /peger på Urls, men skal pege på ShortStrings/],
    ['a non-https SourceLocation', edit('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>'), /skal bruge https/],
    ['a non-https icon', edit('DefaultValue="https://localhost:3000/assets/icon-16.png"', 'DefaultValue="http://localhost:3000/assets/icon-16.png"'), /skal bruge https/],
    ['an id that is no GUID', edit(/<Id>[^<]+<\/Id>/, '<Id>teknisk-beregningsark</Id>'), /er ikke en GUID/],
    ['elements out of order', edit(/(<Version>[^<]+<\/Version>)\s*(<ProviderName>[^<]+<\/ProviderName>)/, '$2$1'), /forkert rækkefølge/],
    ['a missing icon', edit('assets/icon-80.png', 'assets/icon-81.png'), /icon-81.png findes ikke/],
    ['an icon of the wrong size', edit('<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>', '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>'), /er 32×32 px, men skal være 16×16/],
    ['no ExcelApi requirement', edit(/<Set Name="ExcelApi" MinVersion="[^"]+"\/>/, ''), /ExcelApi-krav/],
    ['the wrong permission', edit('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'), /ReadWriteDocument/],
    ['no Excel host', edit('<Host Name="Workbook"/>', '<Host Name="Document"/>'), /Workbook/],
    ['malformed XML', edit('</OfficeApp>', '</OfficeAp>'), /ikke velformet/],
  ])('fails on %s', (_what, xml, message) => {
    const problems = problemsOf(xml);
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(message));
  });

  test('the production manifest the build writes passes too', () => {
    const production = manifest.replace(/https:\/\/localhost:3000\//g, 'https://teknisk-beregningsark.example.com/');
    expect(checkManifestXml(production, { root })).toEqual([]);
  });
});
