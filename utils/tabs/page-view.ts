import { refusesAdProfiles } from '../engine/consent';
import { gppSection } from '../engine/gpp';
import type { IdentityField } from '../engine/types';
import type { PageFindings } from './page-findings';
import type { CompanyView } from './view';

/** One signal that made the mismatch: who received what, by the names it came under. */
export interface MismatchEvidence {
  company: string;
  kind: 'hashed-identity' | 'plain-identity' | 'id-sync' | 'third-party-cookie';
  fields: IdentityField[];
  /** Parameter or cookie names (ud[em], IDE …), never values. */
  names: string[];
}

export interface ConsentMismatch {
  /** `refused`: the consent string refuses ad profiles; `none`: a European page recorded no consent at all. */
  reason: 'refused' | 'none';
  companies: string[];
  evidence: MismatchEvidence[];
}

export interface PageView extends Omit<PageFindings, 'gpp'> {
  eids: (PageFindings['eids'][number] & { personBased: boolean })[];
  /** GPP sections by name, US state and national signals apart from the others (EU and Canadian TCF). */
  gpp: { us: string[]; other: string[] };
  consentMismatch?: ConsentMismatch;
}

// Signals that feed a profile of the person, whatever the page's consent says.
const IDENTITY_SIGNALS = new Set<MismatchEvidence['kind']>(['hashed-identity', 'plain-identity', 'id-sync', 'third-party-cookie']);
const EU_TLDS = new Set(['eu', 'at', 'be', 'bg', 'hr', 'cy', 'cz', 'dk', 'ee', 'fi', 'fr', 'de', 'gr', 'hu', 'ie', 'it', 'lv', 'lt', 'lu', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'si', 'es', 'se']);
/** Before this, a page may simply not have shown its consent banner yet. */
const CONSENT_GRACE_MS = 10_000;
const MAX_EVIDENCE = 12;

function gppView(p: PageFindings): PageView['gpp'] {
  const us = new Set<string>();
  const other = new Set<string>();
  for (const { section } of p.gpp ?? []) {
    const s = gppSection(section);
    if (s) (s.us ? us : other).add(s.name);
  }
  return { us: [...us], other: [...other] };
}

/**
 * The page's findings as the popup shows them, with the one conclusion we draw from
 * them ourselves: identity signals sent to advertising companies against, or without,
 * the person's consent (provenance: inferred). Only the top frame's consent counts: a
 * frame's consent string speaks for that frame. A page counts as European when its CMP
 * says the GDPR applies, or, when no CMP says either way, by its country domain.
 */
export function pageView(p: PageFindings, companies: CompanyView[], site: string, startedAt: number, now: number): PageView {
  const identified = companies
    .filter((c) => c.status === 'listed' || ['advertising', 'social', 'marketing'].includes(c.category))
    .filter((c) => c.signals.some((s) => IDENTITY_SIGNALS.has(s.kind as MismatchEvidence['kind'])));
  let consentMismatch: ConsentMismatch | undefined;
  if (identified.length) {
    const european = p.gdprApplies ?? EU_TLDS.has(site.split('.').pop() ?? '');
    const reason =
      p.consent && refusesAdProfiles(p.consent) ? 'refused' : !p.consent && european && now - startedAt > CONSENT_GRACE_MS ? 'none' : undefined;
    if (reason) {
      const seen = new Set<string>();
      const evidence = identified
        .flatMap((c) =>
          c.signals
            .filter((s) => IDENTITY_SIGNALS.has(s.kind as MismatchEvidence['kind']))
            .map((s) => ({ company: c.name, kind: s.kind as MismatchEvidence['kind'], fields: s.fields ?? [], names: s.evidence.slice(0, 6) })),
        )
        .filter((e) => {
          const key = `${e.company}|${e.kind}|${e.names.join()}`;
          return !seen.has(key) && !!seen.add(key);
        })
        .slice(0, MAX_EVIDENCE);
      consentMismatch = { reason, companies: identified.map((c) => c.name), evidence };
    }
  }
  return { ...p, gpp: gppView(p), eids: p.eids.map((e) => ({ ...e, personBased: e.atype === 3 })), consentMismatch };
}
