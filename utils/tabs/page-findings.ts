import { decodeTcString, type TcfConsent } from '../engine/consent';
import { isAttributable } from '../engine/stack';
import type { Classification } from '../engine/types';
import type { ProbeFinding } from '../probe-schema';

export type ConsentOnTab = TcfConsent & { source: 'api' | 'cookie'; origin: string };

/** What the page itself revealed, from the probe. Every list is bounded. */
export interface PageFindings {
  /** The top frame's consent. A frame cannot replace it: frames' own consent is kept apart. */
  consent?: ConsentOnTab;
  /** Whether the top frame's CMP says the GDPR applies (it says so before anyone chose). */
  gdprApplies?: boolean;
  /** Consent strings declared inside frames (ad and embed frames), one per frame origin. */
  frameConsent?: ConsentOnTab[];
  /** GPP sections, by id or name as the CMP gave them. */
  gpp: { section: string; origin: string }[];
  identity: { platform: string; tag?: string; fields: string[]; origin: string }[];
  eids: { source: string; atype?: number; origin: string }[];
  bids: { slot: string; bidder: string; advertiserDomains: string[]; dsa?: Extract<ProbeFinding, { kind: 'bid' }>['dsa']; origin: string }[];
  /** `bidders`: asked (empty when we did not see who); `answered`: those that bid, when the page's Prebid told us. */
  auctions: { slot: string; bidders: string[]; answered?: string[]; origin: string }[];
  slots: { slot: string; elementId: string; targetingKeys: string[]; pageKeys?: string[]; values?: Record<string, string[]>; advertiserId?: number; campaignId?: number; creativeId?: number; lineItemId?: number; origin: string }[];
  /** `company` is missing for scripts no URL names (blob:, inline in about:blank): reported, attributed to no one. */
  fingerprinting: { technique: Extract<ProbeFinding, { kind: 'fingerprint' }>['technique']; script: string; company?: string; party: 'first' | 'third'; origin: string }[];
  replay: { vendor: string; origin: string }[];
  keylogging: { script: string; event: string; company?: string; origin: string }[];
  campaign: { platform: string; evidence: string; origin: string }[];
  /** Findings the page's frames sent beyond the tab's rate limit, dropped unread. */
  dropped?: number;
}

export function emptyFindings(): PageFindings {
  return { gpp: [], identity: [], eids: [], bids: [], auctions: [], slots: [], fingerprinting: [], replay: [], keylogging: [], campaign: [] };
}

const LIMITS = { identity: 30, eids: 50, bids: 30, auctions: 30, slots: 30, fingerprinting: 30, replay: 10, keylogging: 10, campaign: 10, gpp: 32, frameConsent: 5 } as const;

function addUnique<T>(list: T[], item: T, limit: number, same: (a: T) => boolean): boolean {
  if (list.some(same) || list.length >= limit) return false;
  list.push(item);
  return true;
}

/** A script URL as we keep it: no query or fragment, which can carry identifiers. */
function scriptName(url: string): string {
  const cut = url.search(/[?#]/);
  return (cut === -1 ? url : url.slice(0, cut)).slice(0, 300);
}

/**
 * Merges one finding from a frame of `origin` into the page's findings; `top` says whether
 * it came from the top frame. Script URLs are attributed with the request engine. Returns
 * whether anything changed.
 */
export function recordFinding(p: PageFindings, f: ProbeFinding, origin: string, classify: (url: string) => Classification, top = true): boolean {
  switch (f.kind) {
    case 'tcf': {
      let changed = false;
      if (top && f.gdprApplies !== undefined && p.gdprApplies !== f.gdprApplies) {
        p.gdprApplies = f.gdprApplies;
        changed = true;
      }
      const decoded = f.tcString ? decodeTcString(f.tcString) : undefined;
      if (!decoded) return changed;
      const source = f.eventStatus === 'cookie' ? 'cookie' : 'api';
      const next: ConsentOnTab = { ...decoded, source, origin };
      const same = (a: ConsentOnTab | undefined) => JSON.stringify(a) === JSON.stringify(next);
      if (!top) {
        // A frame's consent is its own: it never replaces what the top frame declared.
        const frames = (p.frameConsent ??= []);
        const i = frames.findIndex((x) => x.origin === origin);
        if (i !== -1) {
          if (same(frames[i]) || (source === 'cookie' && frames[i]!.source === 'api')) return changed;
          frames[i] = next;
          return true;
        }
        return addUnique(frames, next, LIMITS.frameConsent, () => false) || changed;
      }
      if (p.consent && source === 'cookie' && p.consent.source === 'api') return changed;
      if (same(p.consent)) return changed;
      p.consent = next;
      return true;
    }
    case 'gpp': {
      let changed = false;
      for (const section of f.sections) changed = addUnique(p.gpp, { section, origin }, LIMITS.gpp, (x) => x.section === section) || changed;
      return changed;
    }
    case 'identity-config': {
      // A tag and the fields set up for it often arrive apart (UET's tag id from its
      // constructor, the fields from a later push): an untagged finding joins the
      // platform's only entry from that frame, a tagged one names an untagged entry.
      const same = p.identity.filter((x) => x.platform === f.platform && x.origin === origin);
      const existing =
        f.tag !== undefined
          ? (same.find((x) => x.tag === f.tag) ?? same.find((x) => x.tag === undefined))
          : same.length === 1
            ? same[0]
            : same.find((x) => x.tag === undefined);
      if (existing) {
        const added = f.fields.filter((x) => !existing.fields.includes(x)).slice(0, 24 - existing.fields.length);
        existing.fields.push(...added);
        const named = existing.tag === undefined && f.tag !== undefined;
        if (named) existing.tag = f.tag;
        return added.length > 0 || named;
      }
      return addUnique(p.identity, { platform: f.platform, tag: f.tag, fields: f.fields, origin }, LIMITS.identity, () => false);
    }
    case 'eids': {
      let changed = false;
      for (const e of f.providers) {
        if (!e.source) continue;
        changed = addUnique(p.eids, { source: e.source, atype: e.atype, origin }, LIMITS.eids, (x) => x.source === e.source) || changed;
      }
      return changed;
    }
    case 'bid':
      return addUnique(p.bids, { ...f, origin }, LIMITS.bids, (x) => x.slot === f.slot && x.bidder === f.bidder && x.origin === origin);
    case 'auction': {
      p.auctions ??= [];
      const existing = p.auctions.find((x) => x.slot === f.slot && x.origin === origin);
      if (!existing) return addUnique(p.auctions, { slot: f.slot, bidders: f.bidders, ...(f.answered ? { answered: f.answered } : {}), origin }, LIMITS.auctions, () => false);
      const added = f.bidders.filter((b) => !existing.bidders.includes(b));
      existing.bidders.push(...added.slice(0, 30 - existing.bidders.length));
      let answered = false;
      if (f.answered) {
        // The first answer is news even when no bidder bid.
        answered = existing.answered === undefined;
        const list = (existing.answered ??= []);
        const more = f.answered.filter((b) => !list.includes(b));
        list.push(...more.slice(0, 30 - list.length));
        answered ||= more.length > 0;
      }
      return added.length > 0 || answered;
    }
    case 'gpt-slot': {
      // GPT fills in who won only after the ad renders: a later reading replaces an earlier one.
      const i = p.slots.findIndex((x) => x.slot === f.slot && x.elementId === f.elementId && x.origin === origin);
      const next = { ...f, origin };
      if (i === -1) return addUnique(p.slots, next, LIMITS.slots, () => false);
      if (JSON.stringify(p.slots[i]) === JSON.stringify(next)) return false;
      p.slots[i] = next;
      return true;
    }
    case 'fingerprint': {
      const c = isAttributable(f.script) ? classify(f.script) : undefined;
      const script = scriptName(f.script);
      const entry = { technique: f.technique, script, company: c ? c.entity?.company ?? (c.site || undefined) : undefined, party: c?.party ?? 'third', origin };
      return addUnique(p.fingerprinting, entry, LIMITS.fingerprinting, (x) => x.technique === f.technique && x.script === script);
    }
    case 'replay':
      return addUnique(p.replay, { vendor: f.vendor, origin }, LIMITS.replay, (x) => x.vendor === f.vendor);
    case 'keylogging': {
      // A blob: script cannot be vouched for by the page; an inline one is the page's own.
      const attributable = isAttributable(f.script);
      if (!attributable && !f.script.startsWith('blob:')) return false;
      const c = attributable ? classify(f.script) : undefined;
      if (c?.party === 'first') return false;
      const script = scriptName(f.script);
      const entry = { script, event: f.event, company: c ? c.entity?.company ?? (c.site || undefined) : undefined, origin };
      return addUnique(p.keylogging, entry, LIMITS.keylogging, (x) => x.script === script && x.event === f.event);
    }
    case 'campaign':
      return addUnique(p.campaign, { platform: f.platform, evidence: f.evidence, origin }, LIMITS.campaign, (x) => x.platform === f.platform);
  }
}
