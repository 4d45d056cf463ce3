/**
 * The text of the "Vejledning" sheet: how budget staff fill in the template. It speaks Excel's
 * language only: no command-line names, no defined names a person never sees.
 */
import { STANDARD_UNITS } from '../units';
import { INPUT_SHEET, KEYS_SECTION, KVANTUM_SHEET, PROFIT_CENTER_HEADER, SECTIONS, TABLES_SHEET } from './layout';

export type GuideLine = { kind: 'title' | 'heading' | 'text'; text: string } | { kind: 'link'; text: string; sheet: string } | { kind: 'blank' };

const t = (text: string): GuideLine => ({ kind: 'text', text });
const h = (text: string): GuideLine => ({ kind: 'heading', text });
const blank: GuideLine = { kind: 'blank' };

const unitList = STANDARD_UNITS.map((u) => `${u.name} (${u.key})`).join(', ');

export const GUIDE: readonly GuideLine[] = [
  { kind: 'title', text: 'Teknisk beregningsark – vejledning' },
  t('Arket beregner de tekniske tabeller til korrektioner i Kvantum (Tabel A–E) for et effektiviserings- eller investeringsforslag.'),
  t('Brug det, når forslaget har varig drift, bevillingsflyt eller en effekt, der skal krediteres flere udvalg.'),
  blank,
  h('Sådan gør du'),
  t(`1. Udfyld fanen ${INPUT_SHEET}: forslagets titel, pris- og lønniveau og årene (ét år pr. kolonne, i rækkefølge uden huller).`),
  t('2. Skriv forslagets linjer i de fire sektioner, én linje pr. række. Tomme rækker springes over.'),
  t(
    `3. Beregn tabellerne: klik »Beregn tabeller« i ruden Teknisk beregningsark (Startside › Teknisk beregningsark). ` +
      `Tabel A–E, Tabel 1 og forklaringen på fanen ${TABLES_SHEET} udfyldes, og linjerne til Kvantum skrives på fanen ${KVANTUM_SHEET}.`,
  ),
  t(`4. Tast linjerne på fanen ${KVANTUM_SHEET} i Kvantum: én linje pr. tabel, udvalg, bevilling og år. De summerer præcis til Tabel A–E.`),
  { kind: 'link', text: `Gå til fanen ${INPUT_SHEET}`, sheet: INPUT_SHEET },
  { kind: 'link', text: `Gå til fanen ${TABLES_SHEET}`, sheet: TABLES_SHEET },
  { kind: 'link', text: `Gå til fanen ${KVANTUM_SHEET}`, sheet: KVANTUM_SHEET },
  blank,
  h(`Sektionerne på fanen ${INPUT_SHEET}`),
  t(
    `${SECTIONS[0].heading}: forslagets effektiviseringer og andre varige effekter. »Udvalg (placering)« er det udvalg, hvis budget effekten rammer. ` +
      `»Måltal krediteres (nøgle)« er de udvalg, hvis måltal effekten tæller med i; tom betyder udvalget selv.`,
  ),
  t(
    `${SECTIONS[1].heading}: varige driftsomkostninger. »Udvalg (placering)« er der, hvor udgiften afholdes. ` +
      `»Finansieres af (nøgle)« er de udvalg, der betaler; tom betyder udvalget selv.`,
  ),
  t(`${SECTIONS[2].heading}: eksisterende budget, der flyttes fra ét udvalg til et andet. Skriv beløbet, der flyttes, med plus.`),
  t(`${SECTIONS[3].heading}: engangsudgifter til implementering fra investeringspuljen. Skriv »anlæg« eller »service« i anden kolonne.`),
  t(
    `${SECTIONS[4].heading}: linjer, der vises i Tabel 1 som »heraf …« under den samlede varige ændring ` +
      `(fx »indkøbseffektiviseringer, som indgår i …«). De tælles ikke med i Tabel A–E eller i summerne. Styringsområde kan stå tomt (Service).`,
  ),
  t(
    `»${PROFIT_CENTER_HEADER}« (sidste kolonne i de fire første sektioner) er den bevilling eller det profitcenter, linjen tastes på i Kvantum, ` +
      `fx »3190, KS anlæg«. Tom betyder »Service«, for anlægsinvesteringer »Anlæg«. ` +
      `Et udvalg med linjer på to bevillinger får en række pr. bevilling i tabellerne.`,
  ),
  blank,
  h('Sådan skrives tallene'),
  t('Alle beløb er i 1.000 kr. i det pris- og lønniveau, der står øverst på fanen Input.'),
  t('Besparelser og merindtægter skrives med minus (fx -455), udgifter med plus.'),
  t('Tal kan skrives som tal eller som tekst på dansk: 1.144, -1.144, 0,5. En tom celle eller »-« betyder 0.'),
  blank,
  h('Udvalg og nøgler'),
  t(`Udvalg skrives med navn eller forkortelse: ${unitList}. Forvaltningernes forkortelser (ØKF, KFF, BUF, SUF, SOF, TMF, BIF) kan også bruges.`),
  t('En nøgle skrives i én celle, fx »ØU 25 %; TMU 75 %« eller »ØU 0,25; TMU 0,75«. Andelene skal summere til 1 (100 %).'),
  t(
    `Enheder uden for de elleve rækker (fx Borgerrådgiveren) skrives i feltet »Øvrige enheder« øverst på fanen ${INPUT_SHEET}, adskilt med semikolon. ` +
      `Giv dem en række i hver tabel på fanen ${TABLES_SHEET}.`,
  ),
  blank,
  h(KEYS_SECTION.heading),
  t(
    'En fordelingsnøgle fordeler ét beløb på flere udvalg efter et grundlag, som forslaget oplyser: timer, antal enheder, m² eller kr. ' +
      'Skriv grundlaget, ikke andelene; arket regner andelene og beløbene ud og afrunder, så rækkerne summerer til totalen.',
  ),
  t(
    `Eksempel: en besparelse på 880 fordeles efter ledernes timer pr. forvaltning. ` +
      `Skriv en række i ${KEYS_SECTION.heading} med navnet »Timer« og timerne under hvert udvalg: ` +
      `ØU 288, KFU 142, BUU 155, SUU 73, SU 262, TMU 187, BIU 235. Skriv så »Timer« i kolonnen »Udvalg (placering)« på effektens linje.`,
  ),
  t(
    'Nøglens navn kan stå i kolonnerne »Udvalg (placering)«, »Måltal krediteres (nøgle)«, »Finansieres af (nøgle)«, ' +
      '»Fra udvalg« og »Til udvalg« og i investeringernes »Udvalg«.',
  ),
  t(
    "En forvaltning tæller for sit udvalg: skriv KFF's grundlag under KFU osv. " +
      'Økonomiforvaltningens (ØKF) andel tæller for ØU, medmindre den deles på ØU, KS, KIT, KEJD og BYK: skriv da grundlaget direkte under de fem kolonner.',
  ),
  blank,
  h('Beregningen'),
  t('Tabel A (måltalseffekt) = udvalgets krediterede effekter + udvalgets andel af finansieringen af den varige drift.'),
  t(
    'Tabel C (bevillingsmæssig effekt, hvis forslaget indarbejdes) = ' +
      'effekter og varig drift placeret hos udvalget + bevillingsflyt til udvalget − bevillingsflyt fra udvalget.',
  ),
  t('Tabel B (varig drift) = C − A. Tabellen summerer til 0 hvert år.'),
  t('Tabel D og E = anlægs- og serviceinvesteringer placeret hos udvalget.'),
  t('Tallene afrundes til hele 1.000 kr., så rækkerne summerer præcist til totalen, og C = A + B gælder efter afrunding.'),
  blank,
  h('Når du ændrer arket'),
  t(
    'Indsæt nye rækker inde i en sektion eller tabel (over dens sidste række), så regner beregningen dem med. ' +
      'Omdøb og slet ikke arkene eller deres navngivne områder (Formler › Navnestyring).',
  ),
  t('Skriv ikke i tabellernes talceller; de overskrives ved næste beregning.'),
];
