import type { Catalogue } from './index';
import { d } from './format';

export const da: Catalogue = {
  'cell-rounding-imbalance': (f) =>
    `Med celle-afrunding summerer rækkerne i Tabel ${d(f.params.table)} ${d(f.params.year)} til ${d(f.params.actual)}, men totalen er ${d(f.params.expected)}.`,
};
