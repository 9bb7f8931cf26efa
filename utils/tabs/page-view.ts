import { refusesAdProfiles } from '../engine/consent';
import type { PageFindings } from './page-findings';
import type { CompanyView } from './view';

export interface ConsentMismatch {
  /** `refused`: the consent string refuses ad profiles; `none`: a European page recorded no consent at all. */
  reason: 'refused' | 'none';
  companies: string[];
}

export interface PageView extends PageFindings {
  eids: (PageFindings['eids'][number] & { personBased: boolean })[];
  consentMismatch?: ConsentMismatch;
}

// Signals that feed a profile of the person, whatever the page's consent says.
const IDENTITY_SIGNALS = new Set(['hashed-identity', 'plain-identity', 'id-sync', 'third-party-cookie']);
const EU_TLDS = new Set(['eu', 'at', 'be', 'bg', 'hr', 'cy', 'cz', 'dk', 'ee', 'fi', 'fr', 'de', 'gr', 'hu', 'ie', 'it', 'lv', 'lt', 'lu', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'si', 'es', 'se']);
/** Before this, a page may simply not have shown its consent banner yet. */
const CONSENT_GRACE_MS = 10_000;

/**
 * The page's findings as the popup shows them, with the one conclusion we draw from
 * them ourselves: identity signals sent to advertising companies against, or without,
 * the person's consent (provenance: inferred).
 */
export function pageView(p: PageFindings, companies: CompanyView[], site: string, startedAt: number, now: number): PageView {
  const identified = companies
    .filter((c) => c.status === 'listed' || ['advertising', 'social', 'marketing'].includes(c.category))
    .filter((c) => c.signals.some((s) => IDENTITY_SIGNALS.has(s.kind)))
    .map((c) => c.name);
  let consentMismatch: ConsentMismatch | undefined;
  if (identified.length) {
    if (p.consent && refusesAdProfiles(p.consent)) consentMismatch = { reason: 'refused', companies: identified };
    else if (!p.consent && EU_TLDS.has(site.split('.').pop() ?? '') && now - startedAt > CONSENT_GRACE_MS) {
      consentMismatch = { reason: 'none', companies: identified };
    }
  }
  return { ...p, eids: p.eids.map((e) => ({ ...e, personBased: e.atype === 3 })), consentMismatch };
}
