import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../i18n';
import type { AdInput } from '../db/records';
import type { AdLine, AdView } from './explain';

export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([browser.i18n.getUILanguage()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** One explanation line in the browser's language, as plain text. */
export function adLineText(l: AdLine): string {
  switch (l.key) {
    case 'adPoliticalLabel':
      return t('adPoliticalLabel', [l.subs[0] ?? '', languageName(l.subs[1] ?? '')]);
    case 'adRulesMissing':
      return t('adRulesMissing', [l.subs.map((k) => t(k as MessageKey)).join(t('listSeparator'))]);
    default:
      return t(l.key as MessageKey, l.subs);
  }
}

/** An ad as the history keeps it: the explanation's lines as text, with their section, kind and provenance. */
export function adRecord(ad: AdView): AdInput {
  return {
    slot: ad.key.slice(0, 300),
    ...(ad.sponsor ? { sponsor: ad.sponsor.slice(0, 300) } : {}),
    labels: ad.labels.slice(0, 100).map((l) => `${l.text} (${l.language})`.slice(0, 300)),
    advertiserDomains: ad.advertiserDomains.slice(0, 100).map((d) => d.slice(0, 300)),
    political: ad.political,
    explanation: ad.lines.slice(0, 50).map((l) => ({ section: l.section, kind: l.key, text: adLineText(l).slice(0, 1000), provenance: l.provenance })),
  };
}
