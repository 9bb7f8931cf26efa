import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { AdInput } from '../db/records';
import type { AdLine, AdView, LineSub } from './explain';

export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([browser.i18n.getUILanguage()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** One value of a line, as plain text in the browser's language. */
function subText(s: LineSub): string {
  if (typeof s === 'string') return s;
  if ('msg' in s) return t(s.msg, (s.subs ?? []).map(subText));
  if ('list' in s) return s.list.map(subText).join(t('listSeparator'));
  return languageName(s.lang);
}

/** One explanation line in the browser's language, as plain text. */
export function adLineText(l: AdLine): string {
  return t(l.key, l.subs.map(subText));
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
