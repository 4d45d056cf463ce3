import type { Catalogue } from './index';
import { e } from './format';

export const en: Catalogue = {
  'cell-rounding-imbalance': (f) =>
    `With per-cell rounding the rows of Table ${e(f.params.table)} ${e(f.params.year)} add up to ${e(f.params.actual)}, but the total is ${e(f.params.expected)}.`,
};
