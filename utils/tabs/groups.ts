import type { Category } from '../engine/types';
import type { CompanyView } from './view';

export const GROUP_ORDER: readonly (Category | 'tracker')[] = [
  'political',
  'advertising',
  'social',
  'analytics',
  'marketing',
  'customer-success',
  'tracker',
  'tag-manager',
  'consent',
  'video',
  'content',
  'cdn',
  'hosting',
  'utility',
  'other',
];

/** The group a company is shown under in the popup. */
export function groupOf(c: CompanyView): Category | 'tracker' {
  if (c.status === 'listed' || c.status === 'learned') return 'tracker';
  return c.category;
}
