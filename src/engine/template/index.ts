/**
 * The "Teknisk beregningsark" template: build it (`templateChanges`), read a filled-in copy
 * (`readTemplate`) and write computed tables into it (`tableWrites`). Pure: it sees the workbook
 * as a snapshot and returns changes for an adapter to apply.
 */
export { templateChanges, type TemplateOptions } from './build';
export { readTemplate } from './read';
export { tableWrites } from './write';
export { parseShareKey, formatShareKey, type ShareKeyResult } from './keys';
export {
  GUIDE_SHEET,
  INPUT_SHEET,
  TABLES_SHEET,
  KVANTUM_SHEET,
  KVANTUM_AREA as TEMPLATE_KVANTUM_AREA,
  NAMES as TEMPLATE_NAMES,
  SECTIONS as TEMPLATE_SECTIONS,
  TABLES as TEMPLATE_TABLES,
  KEYS_SECTION as TEMPLATE_KEYS_SECTION,
  DEFAULT_PRICE_LEVEL,
  DEFAULT_YEARS,
  type SectionKey,
  type SectionSpec,
  type TableSpec,
} from './layout';
