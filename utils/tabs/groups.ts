import { CATEGORY_RANK, type Category } from '../engine/types';
import type { CompanyView } from './view';

/** Popup sections in order: the categories, with unnamed trackers after the profiling ones. */
const afterProfiling = CATEGORY_RANK.indexOf('customer-success') + 1;
export const GROUP_ORDER: readonly (Category | 'tracker')[] = [
  ...CATEGORY_RANK.slice(0, afterProfiling),
  'tracker',
  ...CATEGORY_RANK.slice(afterProfiling),
];

/** The group a company is shown under in the popup. */
export function groupOf(c: CompanyView): Category | 'tracker' {
  if (c.status === 'listed' || c.status === 'learned') return 'tracker';
  return c.category;
}
