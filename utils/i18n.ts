import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';
import type { IdentityField } from './engine/types';

export type MessageKey = keyof typeof en;

/** A UI string in the browser's language. Substitutions are inserted as text, never as HTML. */
export function t(key: MessageKey, subs: (string | number)[] = []): string {
  // WXT types getMessage with its own generated keys; ours come from _locales directly.
  const getMessage = browser.i18n.getMessage as (key: string, subs: string[]) => string;
  return getMessage(key, subs.map(String)) || key;
}

const FIELD_KEYS: Record<IdentityField, MessageKey> = {
  email: 'fieldEmail',
  phone: 'fieldPhone',
  'first-name': 'fieldFirstName',
  'last-name': 'fieldLastName',
  'birth-date': 'fieldBirthDate',
  gender: 'fieldGender',
  city: 'fieldCity',
  region: 'fieldRegion',
  postcode: 'fieldPostcode',
  country: 'fieldCountry',
  street: 'fieldStreet',
  'external-id': 'fieldExternalId',
};

export function fieldList(fields: readonly IdentityField[]): string {
  return fields.map((f) => t(FIELD_KEYS[f])).join(t('listSeparator'));
}
