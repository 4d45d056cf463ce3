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
    [
      'a resid of the wrong kind',
      edit('<Label resid="TaskpaneButton.Label"/>', '<Label resid="Taskpane.Url"/>'),
      /peger på Urls, men skal pege på ShortStrings/,
    ],
    [
      'a non-https SourceLocation',
      edit('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>'),
      /skal bruge https/,
    ],
    [
      'a non-https icon',
      edit('DefaultValue="https://localhost:3000/assets/icon-16.png"', 'DefaultValue="http://localhost:3000/assets/icon-16.png"'),
      /skal bruge https/,
    ],
    ['an id that is no GUID', edit(/<Id>[^<]+<\/Id>/, '<Id>teknisk-beregningsark</Id>'), /er ikke en GUID/],
    ['elements out of order', edit(/(<Version>[^<]+<\/Version>)\s*(<ProviderName>[^<]+<\/ProviderName>)/, '$2$1'), /forkert rækkefølge/],
    ['a missing icon', edit('assets/icon-80.png', 'assets/icon-81.png'), /icon-81.png findes ikke/],
    [
      'an icon of the wrong size',
      edit(
        '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
        '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      ),
      /er 32×32 px, men skal være 16×16/,
    ],
    ['no ExcelApi requirement', edit(/<Set Name="ExcelApi" MinVersion="[^"]+"\/>/, ''), /ExcelApi-krav/],
    ['the wrong permission', edit('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'), /ReadWriteDocument/],
    ['no Excel host', edit('<Host Name="Workbook"/>', '<Host Name="Document"/>'), /Workbook/],
    ['malformed XML', edit('</OfficeApp>', '</OfficeAp>'), /ikke velformet/],
  ])('fails on %s', (_what, xml, message) => {
    const problems = problemsOf(xml);
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(message));
  });

  test('a built manifest passes with a real address, and fails while a development or placeholder address remains', () => {
    const real = manifest.replace(/https:\/\/localhost:3000\//g, 'https://tb.kk.dk/tilfoejelse/');
    expect(checkManifestXml(real, { root, production: true })).toEqual([]);
    for (const placeholder of ['https://localhost:3000/', 'https://teknisk-beregningsark.example.com/']) {
      const built = manifest.replace(/https:\/\/localhost:3000\//g, placeholder);
      const problems = checkManifestXml(built, { root, production: true });
      expect(problems.map((p) => p.at)).toEqual(expect.arrayContaining(['/OfficeApp/SupportUrl', '/OfficeApp/DefaultSettings/SourceLocation']));
      expect(problems[0].message).toMatch(/pladsholderadresse; byg med ADDIN_PRODUCTION_URL/);
    }
  });

  test('the minimum ExcelApi is the one the add-in is built for, and SupportUrl is the support page', () => {
    expect(problemsOf(edit('<Set Name="ExcelApi" MinVersion="1.13"/>', '<Set Name="ExcelApi" MinVersion="1.7"/>')).map((p) => p.message)).toContainEqual(
      expect.stringMatching(/MinVersion skal være 1.13/),
    );
    expect(manifest).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/support.html"\/>/);
    expect(problemsOf(edit('localhost:3000/support.html"/>', 'localhost:3000/hjaelp.html"/>')).map((p) => p.message)).toContainEqual(
      expect.stringMatching(/hjaelp.html bygges ikke/),
    );
  });
});

describe('production build', () => {
  test('fails at once, with a message saying what to set, without ADDIN_PRODUCTION_URL', () => {
    const env = { ...process.env };
    delete env.ADDIN_PRODUCTION_URL;
    const run = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/ADDIN_PRODUCTION_URL mangler: sæt den til den https-adresse/);
  }, 60_000);
});
