import { decodeTcString, type TcfConsent } from '../engine/consent';
import { isAttributable } from '../engine/stack';
import type { Classification } from '../engine/types';
import type { ProbeFinding } from '../probe-schema';

/** What the page itself revealed, from the probe. Every list is bounded. */
export interface PageFindings {
  consent?: TcfConsent & { source: 'api' | 'cookie'; origin: string };
  gpp: string[];
  identity: { platform: string; tag?: string; fields: string[]; origin: string }[];
  eids: { source: string; atype?: number }[];
  bids: { slot: string; bidder: string; advertiserDomains: string[]; dsa?: { behalf?: string; paid?: string }; origin: string }[];
  auctions: { slot: string; bidders: string[]; origin: string }[];
  slots: { slot: string; elementId: string; targetingKeys: string[]; pageKeys?: string[]; advertiserId?: number; campaignId?: number; creativeId?: number; lineItemId?: number; origin: string }[];
  /** `company` is missing for scripts no URL names (blob:, inline in about:blank): reported, attributed to no one. */
  fingerprinting: { technique: Extract<ProbeFinding, { kind: 'fingerprint' }>['technique']; script: string; company?: string; party: 'first' | 'third'; origin: string }[];
  replay: { vendor: string; origin: string }[];
  keylogging: { script: string; event: string; company?: string; origin: string }[];
  campaign: { platform: string; evidence: string; origin: string }[];
}

export function emptyFindings(): PageFindings {
  return { gpp: [], identity: [], eids: [], bids: [], auctions: [], slots: [], fingerprinting: [], replay: [], keylogging: [], campaign: [] };
}

const LIMITS = { identity: 30, eids: 50, bids: 30, auctions: 30, slots: 30, fingerprinting: 30, replay: 10, keylogging: 10, campaign: 10, gpp: 32 } as const;

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
 * Merges one finding from a frame of `origin` into the page's findings. Script URLs are
 * attributed with the request engine. Returns whether anything changed.
 */
export function recordFinding(p: PageFindings, f: ProbeFinding, origin: string, classify: (url: string) => Classification): boolean {
  switch (f.kind) {
    case 'tcf': {
      const decoded = decodeTcString(f.tcString);
      if (!decoded) return false;
      const source = f.eventStatus === 'cookie' ? 'cookie' : 'api';
      if (p.consent && source === 'cookie' && p.consent.source === 'api') return false;
      const next = { ...decoded, source, origin } as const;
      if (JSON.stringify(next) === JSON.stringify(p.consent)) return false;
      p.consent = next;
      return true;
    }
    case 'gpp': {
      let changed = false;
      for (const s of f.sections) changed = addUnique(p.gpp, s, LIMITS.gpp, (x) => x === s) || changed;
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
        changed = addUnique(p.eids, { source: e.source, atype: e.atype }, LIMITS.eids, (x) => x.source === e.source) || changed;
      }
      return changed;
    }
    case 'bid':
      return addUnique(p.bids, { ...f, origin }, LIMITS.bids, (x) => x.slot === f.slot && x.bidder === f.bidder && x.origin === origin);
    case 'auction': {
      p.auctions ??= [];
      const existing = p.auctions.find((x) => x.slot === f.slot && x.origin === origin);
      if (!existing) return addUnique(p.auctions, { slot: f.slot, bidders: f.bidders, origin }, LIMITS.auctions, () => false);
      const added = f.bidders.filter((b) => !existing.bidders.includes(b));
      existing.bidders.push(...added.slice(0, 30 - existing.bidders.length));
      return added.length > 0;
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
