/**
 * Offline check of the add-in's XML manifest. `office-addin-manifest validate` posts the XML to an
 * online service and no package ships the XML schemas, so this checks what matters by hand:
 * well-formed XML, the TaskPaneApp structure and its element order, a GUID id, a version, https
 * everywhere, every `resid` resolving to a resource of the right kind, icons that exist at the
 * size they claim, the requirement sets, the Home-tab button. office-addin-manifest's own
 * (offline) reader must agree on id, version, name, host and permissions.
 *
 *   npx tsx scripts/validate-manifest.ts [manifest.xml …]   (default: manifest.xml, and
 *                                                          dist/manifest.xml when built)
 * Exit 0 when every manifest passes, 1 otherwise, one line per problem.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ManifestProblem {
  /** Where: an element path or a resource id. */
  at: string;
  message: string;
}

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

/** TaskPaneApp children in schema order (OfficeApp 1.1); the required ones are marked. */
const TASKPANE_ORDER: { name: string; required: boolean }[] = [
  { name: 'Id', required: true },
  { name: 'AlternateId', required: false },
  { name: 'Version', required: true },
  { name: 'ProviderName', required: true },
  { name: 'DefaultLocale', required: true },
  { name: 'DisplayName', required: true },
  { name: 'Description', required: true },
  { name: 'IconUrl', required: true },
  { name: 'HighResolutionIconUrl', required: false },
  { name: 'SupportUrl', required: true },
  { name: 'AppDomains', required: false },
  { name: 'Hosts', required: true },
  { name: 'Requirements', required: false },
  { name: 'DefaultSettings', required: true },
  { name: 'Permissions', required: true },
  { name: 'Dictionary', required: false },
  { name: 'VersionOverrides', required: false },
];

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];
const OFFICE_APP_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const MAX_RESID = 32;
const MAX_SHORT = 125;
const MAX_LONG = 250;

/** Which resource collection a `resid` of an element must point into. */
const RESID_KIND: Record<string, 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'> = {
  'bt:Image': 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

function toElements(nodes: unknown[]): Element[] {
  const out: Element[] = [];
  for (const node of nodes as Record<string, unknown>[]) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries((node[':@'] as Record<string, unknown>) ?? {})) attrs[k.replace(/^@_/, '')] = String(v);
    const inner = node[name] as unknown[];
    const text = inner
      .filter((n) => (n as Record<string, unknown>)['#text'] !== undefined)
      .map((n) => String((n as Record<string, unknown>)['#text']))
      .join('')
      .trim();
    out.push({ name, attrs, children: toElements(inner), text });
  }
  return out;
}

function* walk(el: Element, trail: string): Generator<{ el: Element; at: string }> {
  const at = `${trail}/${el.name}${el.attrs.id ? `[@id=${el.attrs.id}]` : ''}`;
  yield { el, at };
  for (const child of el.children) yield* walk(child, at);
}

function child(el: Element | undefined, name: string): Element | undefined {
  return el?.children.find((c) => c.name === name);
}

/** A URL used in the manifest must be https with a host. */
function checkUrl(url: string, at: string, problems: ManifestProblem[], production = false): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push({ at, message: `"${url}" er ikke en gyldig URL` });
    return;
  }
  if (parsed.protocol !== 'https:') problems.push({ at, message: `"${url}" skal bruge https` });
  if (production && PLACEHOLDER_HOST.test(parsed.hostname))
    problems.push({ at, message: `"${url}" er en udviklings- eller pladsholderadresse; byg med ADDIN_PRODUCTION_URL` });
}

function pngSize(file: string): { width: number; height: number } | null {
  const data = fs.readFileSync(file);
  if (data.length < 24 || data.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

export interface ValidateOptions {
  /** Project root: icons are looked up in `<root>/assets`, pages as templates under `<root>/src`. */
  root: string;
  /** A built manifest (dist/manifest.xml): no development or placeholder address may remain. */
  production?: boolean;
  /** URL path the add-in is served under (`/tb/`); read from SourceLocation when not given. */
  basePath?: string;
}

/** The lowest ExcelApi the add-in is written and tested for (README, "Hvilke Excel-versioner"). */
export const MIN_EXCEL_API = '1.13';

/** Hosts that mean the build did not get its real address. */
const PLACEHOLDER_HOST = /^(localhost|127\.0\.0\.1)$|(^|\.)example\.(com|org|net)$/i;

/** The problems of one manifest's XML text; an empty list when it passes. */
export function checkManifestXml(xml: string, options: ValidateOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    problems.push({ at: `linje ${wellFormed.err.line}`, message: `XML er ikke velformet: ${wellFormed.err.msg}` });
    return problems;
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = toElements(parser.parse(xml) as unknown[]);
  const app = roots.find((r) => r.name === 'OfficeApp');
  if (!app) return [{ at: '/', message: 'rodelementet skal være OfficeApp' }];
  if (app.attrs.xmlns !== OFFICE_APP_NS) problems.push({ at: '/OfficeApp', message: `navnerummet skal være ${OFFICE_APP_NS}` });
  if (app.attrs['xsi:type'] !== 'TaskPaneApp') problems.push({ at: '/OfficeApp', message: 'xsi:type skal være TaskPaneApp' });

  const source = child(child(app, 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue;
  if (options.basePath === undefined && source) {
    try {
      options = { ...options, basePath: new URL('.', source).pathname };
    } catch {
      // reported with the URLs below
    }
  }

  // Element order and required elements.
  let last = -1;
  for (const c of app.children) {
    const index = TASKPANE_ORDER.findIndex((o) => o.name === c.name);
    if (index < 0) problems.push({ at: `/OfficeApp/${c.name}`, message: 'elementet hører ikke til i en TaskPaneApp' });
    else if (index < last) problems.push({ at: `/OfficeApp/${c.name}`, message: `står i forkert rækkefølge (skal stå før ${TASKPANE_ORDER[last].name})` });
    else last = index;
  }
  for (const o of TASKPANE_ORDER) if (o.required && !child(app, o.name)) problems.push({ at: `/OfficeApp/${o.name}`, message: 'mangler' });

  const id = child(app, 'Id')?.text ?? '';
  if (id && !GUID.test(id)) problems.push({ at: '/OfficeApp/Id', message: `"${id}" er ikke en GUID` });
  const version = child(app, 'Version')?.text ?? '';
  if (version && !VERSION.test(version)) problems.push({ at: '/OfficeApp/Version', message: `"${version}" er ikke et versionsnummer (n.n.n.n)` });
  const permissions = child(app, 'Permissions')?.text;
  if (permissions !== undefined && !PERMISSIONS.includes(permissions))
    problems.push({ at: '/OfficeApp/Permissions', message: `"${permissions}" er ikke en tilladelse` });
  if (permissions !== undefined && permissions !== 'ReadWriteDocument')
    problems.push({ at: '/OfficeApp/Permissions', message: 'tilføjelsesprogrammet skriver i projektmappen og skal have ReadWriteDocument' });
  for (const name of ['DisplayName', 'Description']) {
    const el = child(app, name);
    if (el && !el.attrs.DefaultValue) problems.push({ at: `/OfficeApp/${name}`, message: 'mangler DefaultValue' });
  }
  const hosts =
    child(app, 'Hosts')
      ?.children.filter((h) => h.name === 'Host')
      .map((h) => h.attrs.Name) ?? [];
  if (!hosts.includes('Workbook')) problems.push({ at: '/OfficeApp/Hosts', message: 'Host Name="Workbook" (Excel) mangler' });

  // Requirement sets.
  const sets = child(child(app, 'Requirements'), 'Sets');
  const excelApi = sets?.children.find((s) => s.name === 'Set' && s.attrs.Name === 'ExcelApi');
  if (!excelApi) problems.push({ at: '/OfficeApp/Requirements', message: 'mindste ExcelApi-krav (Set Name="ExcelApi") er ikke angivet' });
  else if (!/^1\.\d{1,2}$/.test(excelApi.attrs.MinVersion ?? ''))
    problems.push({ at: '/OfficeApp/Requirements/Sets/Set', message: `MinVersion "${excelApi.attrs.MinVersion ?? ''}" er ikke en ExcelApi-version` });
  else if (excelApi.attrs.MinVersion !== MIN_EXCEL_API) {
    problems.push({
      at: '/OfficeApp/Requirements/Sets/Set',
      message: `MinVersion skal være ${MIN_EXCEL_API} (det laveste, tilføjelsesprogrammet er bygget og testet til), ikke ${excelApi.attrs.MinVersion}`,
    });
  }

  // URLs: https everywhere.
  for (const { el, at } of walk(app, '')) {
    if (['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:Image', 'bt:Url'].includes(el.name) && el.attrs.DefaultValue !== undefined) {
      checkUrl(el.attrs.DefaultValue, at, problems, options.production);
    }
    if (el.name === 'AppDomain') checkUrl(el.text, at, problems, options.production);
    if (el.name === 'Override' && el.attrs.Value && /^[a-z]+:\/\//i.test(el.attrs.Value)) checkUrl(el.attrs.Value, at, problems, options.production);
  }

  // Resources: unique ids, lengths, and every resid resolving to the right kind.
  const resources = child(child(app, 'VersionOverrides'), 'Resources');
  const declared = new Map<string, { kind: string; el: Element }>();
  for (const group of resources?.children ?? []) {
    const kind = group.name.replace(/^bt:/, '');
    for (const r of group.children) {
      const rid = r.attrs.id ?? '';
      const at = `Resources/${group.name}/${rid}`;
      if (!rid) problems.push({ at, message: 'ressourcen mangler id' });
      if (rid.length > MAX_RESID) problems.push({ at, message: `id er længere end ${MAX_RESID} tegn` });
      if (declared.has(rid)) problems.push({ at, message: 'id findes to gange' });
      declared.set(rid, { kind, el: r });
      const value = r.attrs.DefaultValue ?? '';
      if (!value) problems.push({ at, message: 'mangler DefaultValue' });
      if (kind === 'ShortStrings' && value.length > MAX_SHORT) problems.push({ at, message: `kort tekst over ${MAX_SHORT} tegn` });
      if (kind === 'LongStrings' && value.length > MAX_LONG) problems.push({ at, message: `lang tekst over ${MAX_LONG} tegn` });
    }
  }
  let ribbonButton = false;
  for (const { el, at } of walk(child(app, 'VersionOverrides') ?? { name: '', attrs: {}, children: [], text: '' }, '/OfficeApp')) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    const target = declared.get(resid);
    const wanted = RESID_KIND[el.name];
    if (!target) problems.push({ at, message: `resid "${resid}" findes ikke under Resources` });
    else if (wanted && target.kind !== wanted) problems.push({ at, message: `resid "${resid}" peger på ${target.kind}, men skal pege på ${wanted}` });
    if (el.name === 'bt:Image' && target?.kind === 'Images') {
      const size = Number(el.attrs.size);
      checkIcon(target.el.attrs.DefaultValue ?? '', size, `Resources/Images/${resid}`, options, problems);
    }
  }
  for (const { el } of walk(app, '')) {
    if (el.name === 'OfficeTab' && el.attrs.id === 'TabHome') {
      for (const { el: control } of walk(el, '')) {
        const label = declared.get(child(control, 'Label')?.attrs.resid ?? '')?.el.attrs.DefaultValue;
        const action = child(control, 'Action');
        if (control.name === 'Control' && action?.attrs['xsi:type'] === 'ShowTaskpane' && label === 'Teknisk beregningsark') ribbonButton = true;
      }
    }
  }
  if (resources && !ribbonButton)
    problems.push({
      at: '/OfficeApp/VersionOverrides',
      message: 'knappen "Teknisk beregningsark" på fanen Startside (TabHome), der åbner opgaveruden, mangler',
    });

  // Icons and pages the top level points at.
  const icon = child(app, 'IconUrl')?.attrs.DefaultValue;
  if (icon) checkIcon(icon, 32, '/OfficeApp/IconUrl', options, problems);
  const hiRes = child(app, 'HighResolutionIconUrl')?.attrs.DefaultValue;
  if (hiRes) checkIcon(hiRes, 64, '/OfficeApp/HighResolutionIconUrl', options, problems);
  for (const { el, at } of walk(app, '')) {
    const url = ['SourceLocation', 'bt:Url', 'SupportUrl'].includes(el.name) ? el.attrs.DefaultValue : undefined;
    if (url) checkPage(url, at, options, problems);
  }
  return problems;
}

/** The file a URL names, relative to where the add-in is served (the task pane's folder). */
function localPath(url: string, options: ValidateOptions): string | null {
  try {
    const pathname = decodeURIComponent(new URL(url).pathname);
    const base = options.basePath ?? '/';
    return (pathname.startsWith(base) ? pathname.slice(base.length) : pathname).replace(/^\/+/, '');
  } catch {
    return null;
  }
}

function checkIcon(url: string, size: number, at: string, options: ValidateOptions, problems: ManifestProblem[]): void {
  const rel = localPath(url, options);
  if (rel === null) return;
  const file = path.join(options.root, rel);
  if (!rel.startsWith('assets/') || !fs.existsSync(file)) {
    problems.push({ at, message: `ikonet ${rel} findes ikke i assets/` });
    return;
  }
  const actual = pngSize(file);
  if (!actual) problems.push({ at, message: `${rel} er ikke en PNG-fil` });
  else if (Number.isFinite(size) && (actual.width !== size || actual.height !== size)) {
    problems.push({ at, message: `${rel} er ${actual.width}×${actual.height} px, men skal være ${size}×${size}` });
  }
}

/** A page the add-in serves must be built: an HTML template of that name under src/. */
function checkPage(url: string, at: string, options: ValidateOptions, problems: ManifestProblem[]): void {
  const rel = localPath(url, options);
  if (rel === null || !rel.endsWith('.html')) return;
  const name = path.basename(rel);
  const found = ['src/taskpane', 'src/harness'].some((dir) => fs.existsSync(path.join(options.root, dir, name)));
  if (!found) problems.push({ at, message: `siden ${name} bygges ikke (ingen skabelon under src/)` });
}

/** Everything above, plus office-addin-manifest's own reader on the file. */
export async function validateManifestFile(file: string, options: ValidateOptions): Promise<ManifestProblem[]> {
  const problems = checkManifestXml(fs.readFileSync(file, 'utf8'), options);
  if (problems.some((p) => p.message.startsWith('XML er ikke velformet'))) return problems;
  try {
    // The XML reader alone (the package's main module also loads its JSON tooling), loaded only
    // here: it pulls in an ESM-only dependency that jest's CommonJS runtime cannot load.
    const { ManifestHandlerXml } = await import('office-addin-manifest/lib/manifestHandler/manifestHandlerXml.js');
    const info = await new ManifestHandlerXml(file).parseManifest();
    if (!info.id || !GUID.test(info.id)) problems.push({ at: 'office-addin-manifest', message: `læser id som "${info.id ?? ''}"` });
    if (!info.version) problems.push({ at: 'office-addin-manifest', message: 'læser ingen version' });
    if (info.displayName !== 'Teknisk beregningsark') problems.push({ at: 'office-addin-manifest', message: `læser navnet som "${info.displayName ?? ''}"` });
    if (!info.hosts?.includes('Workbook')) problems.push({ at: 'office-addin-manifest', message: 'læser ikke Workbook som vært' });
    if (info.permissions !== 'ReadWriteDocument') problems.push({ at: 'office-addin-manifest', message: `læser tilladelsen som "${info.permissions ?? ''}"` });
    if (!info.defaultSettings?.sourceLocation) problems.push({ at: 'office-addin-manifest', message: 'læser ingen SourceLocation' });
  } catch (error) {
    problems.push({ at: 'office-addin-manifest', message: `kan ikke læse manifestet: ${(error as Error).message}` });
  }
  return problems;
}

async function main(argv: string[]): Promise<number> {
  const root = path.resolve(__dirname, '..');
  const files = argv.length > 0 ? argv : ['manifest.xml', ...(fs.existsSync(path.join(root, 'dist', 'manifest.xml')) ? ['dist/manifest.xml'] : [])];
  let failed = false;
  for (const file of files) {
    const full = path.resolve(root, file);
    const problems = await validateManifestFile(full, { root, production: full.startsWith(path.join(root, 'dist') + path.sep) });
    if (problems.length === 0) console.log(`${file}: OK`);
    else {
      failed = true;
      for (const p of problems) console.error(`${file}: ${p.at}: ${p.message}`);
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
