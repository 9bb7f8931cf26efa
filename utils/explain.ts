import type { Signal } from './engine/types';
import { fieldList, t, type MessageKey } from './i18n';

const PROVENANCE: Record<Signal['provenance'], [MessageKey, MessageKey]> = {
  observed: ['provObserved', 'provObservedHint'],
  declared: ['provDeclared', 'provDeclaredHint'],
  inferred: ['provInferred', 'provInferredHint'],
};

export function provenanceLabel(p: Signal['provenance']): { label: string; hint: string } {
  const [label, hint] = PROVENANCE[p];
  return { label: t(label), hint: t(hint) };
}

function cookieLifetime(detail: string | undefined): string {
  const days = detail && /^(\d+)d$/.exec(detail)?.[1];
  return days ? t('cookieDays', [days]) : t('cookieSession');
}

// Pixel hits whose path, not a parameter, says what they are (see engine/pixels.ts).
const PIXEL_WHAT: Record<string, MessageKey> = { conversion: 'pixelConversion', 'remarketing-list': 'pixelRemarketingList' };

function pixelDetail(detail: string): string {
  const [what = '', ...rest] = detail.split(' ');
  const key = PIXEL_WHAT[what];
  return key ? [t(key), ...rest].join(' ') : detail;
}

/** One plain-language sentence for a signal received by `company`. */
export function explainSignal(s: Signal, company: string, onPage = false): string {
  const evidence = s.evidence.join(', ');
  switch (s.kind) {
    case 'hashed-identity':
      return t('sigHashedIdentity', [fieldList(s.fields ?? []), company]);
    case 'plain-identity':
      return t('sigPlainIdentity', [fieldList(s.fields ?? []), company]);
    case 'click-id':
      return onPage ? t('sigClickIdPage', [evidence, s.detail ?? '?']) : t('sigClickId', [evidence, company]);
    case 'pixel-event':
      return s.detail ? t('sigPixelEvent', [company, pixelDetail(s.detail)]) : t('sigPixelEventPlain', [company]);
    case 'id-sync':
      return t('sigIdSync', [company]) + (s.detail ? ' ' + t('sigIdSyncPartners', [s.detail]) : '');
    case 'identifier-in-url':
      return t('sigIdentifierInUrl', [company, evidence]);
    case 'beacon':
      return t('sigBeacon', [company]);
    case 'third-party-cookie':
      return t('sigThirdPartyCookie', [company, `${evidence}; ${cookieLifetime(s.detail)}`]);
  }
}
