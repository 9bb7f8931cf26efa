import type { ProbeFinding } from '../probe-schema';

/**
 * Turning what page globals hold into findings. Everything here reads hostile objects:
 * any property may be a throwing getter, any array enormous, any value the wrong type.
 * Pure functions, so that they can be tested outside a browser. Identity matching is
 * read in identity-parse.ts.
 */
const str = (v: unknown, max = 64): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, max) : undefined);
const list = (v: unknown, max: number): unknown[] => (Array.isArray(v) ? v.slice(0, max) : []);
const keys = (v: unknown): string[] => (v && typeof v === 'object' ? Object.keys(v).slice(0, 24).map((k) => k.slice(0, 64)) : []);
const int = (v: unknown): number | undefined => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : undefined);

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/**
 * The data a TCF CMP passes to an addEventListener callback: we keep only the TC string,
 * and whether the CMP says the GDPR applies, which it says even before anyone chose.
 */
export function tcfFinding(data: unknown, ok: unknown): ProbeFinding | undefined {
  return attempt(() => {
    const d = data as { tcString?: unknown; eventStatus?: unknown; gdprApplies?: unknown };
    if (ok !== true || !d) return undefined;
    const gdprApplies = typeof d.gdprApplies === 'boolean' ? d.gdprApplies : undefined;
    const tcString = typeof d.tcString === 'string' ? d.tcString.slice(0, 8192) : '';
    if (!tcString && gdprApplies === undefined) return undefined;
    return { kind: 'tcf', tcString, eventStatus: str(d.eventStatus), gdprApplies } satisfies ProbeFinding;
  }, undefined);
}

/** A GPP ping: which sections (US state privacy strings, TCF EU …) apply. */
export function gppFinding(ping: unknown): ProbeFinding | undefined {
  return attempt(() => {
    const p = ping as { applicableSections?: unknown; parsedSections?: unknown };
    const sections = Array.isArray(p?.applicableSections) ? list(p.applicableSections, 32) : keys(p?.parsedSections);
    const names = sections.map((x) => str(x)).filter((x): x is string => !!x && x !== '-1');
    return names.length ? ({ kind: 'gpp', sections: names } satisfies ProbeFinding) : undefined;
  }, undefined);
}

/** pbjs.getUserIdsAsEids(): which identity systems tag the person, with their agent type. */
export function eidsFinding(eids: unknown): ProbeFinding | undefined {
  const providers = attempt(() => list(eids, 50), []).flatMap((e) =>
    attempt(() => {
      const x = e as { source?: unknown; uids?: { atype?: unknown }[] };
      const source = str(x?.source, 253);
      const atype = int(attempt(() => x.uids?.[0]?.atype, undefined));
      return source ? [{ source, atype: atype !== undefined && atype <= 99 ? atype : undefined }] : [];
    }, []),
  );
  return providers.length ? { kind: 'eids', providers } : undefined;
}

type Bid = Extract<ProbeFinding, { kind: 'bid' }>;

/**
 * A bid's DSA transparency object (OpenRTB DSA extension, as Prebid puts it in
 * `meta.dsa`): on whose behalf, who paid, which ad-tech domains applied which user
 * parameters (`dsaparams`, draft name `params`: 1 profiling, 2 basic advertising,
 * 3 precise geolocation), and `adrender` (1: the buyer shows its own DSA notice in the ad).
 */
export function dsaOfBid(dsa: unknown): Bid['dsa'] {
  return attempt(() => {
    if (!dsa || typeof dsa !== 'object') return undefined;
    const d = dsa as { behalf?: unknown; paid?: unknown; transparency?: unknown; adrender?: unknown };
    const transparency = attempt(() => list(d.transparency, 10), []).flatMap((t) =>
      attempt(() => {
        const x = t as { domain?: unknown; dsaparams?: unknown; params?: unknown };
        const domain = str(x.domain, 253);
        const params = [...new Set(list(x.dsaparams ?? x.params, 16).map(int).filter((n): n is number => n !== undefined && n <= 255))];
        return domain ? [{ domain, params }] : [];
      }, []),
    );
    const adrender = int(d.adrender);
    return {
      behalf: str(d.behalf, 200),
      paid: str(d.paid, 200),
      ...(transparency.length ? { transparency } : {}),
      ...(adrender === 0 || adrender === 1 ? { adrender } : {}),
    };
  }, undefined);
}

/** pbjs.getAllWinningBids(): who won each slot, for which advertiser, with DSA transparency. */
export function bidFindings(bids: unknown): ProbeFinding[] {
  return attempt(() => list(bids, 30), []).flatMap((b) =>
    attempt(() => {
      const bid = b as { adUnitCode?: unknown; bidderCode?: unknown; bidder?: unknown; meta?: { advertiserDomains?: unknown; dsa?: unknown } };
      const finding: ProbeFinding = {
        kind: 'bid',
        slot: str(bid.adUnitCode, 200) ?? '',
        bidder: str(bid.bidderCode ?? bid.bidder) ?? '',
        advertiserDomains: list(bid.meta?.advertiserDomains, 10).map((d) => str(d, 253)).filter((d): d is string => !!d),
        dsa: dsaOfBid(bid.meta?.dsa),
      };
      return finding.slot && finding.bidder ? [finding] : [];
    }, []),
  );
}

/**
 * pbjs.getBidResponses(): `{ [adUnitCode]: { bids: [...] } }`, the bids received in the
 * last auction. The bidders that answered with a bid, per slot. Those asked come only from
 * `auctionFindings`: a page that passes its ad units to requestBids leaves pbjs.adUnits
 * empty, and then we do not know who was asked.
 */
export function bidResponseFindings(responses: unknown): ProbeFinding[] {
  return attempt(() => (responses && typeof responses === 'object' && !Array.isArray(responses) ? Object.keys(responses).slice(0, 30) : []), []).flatMap((code) =>
    attempt(() => {
      const slot = str(code, 200);
      const bids = list((responses as Record<string, { bids?: unknown }>)[code]?.bids, 30);
      const answered = [...new Set(bids.map((b) => attempt(() => str((b as { bidderCode?: unknown; bidder?: unknown }).bidderCode ?? (b as { bidder?: unknown }).bidder), undefined)).filter((b): b is string => !!b))];
      return slot ? [{ kind: 'auction', slot, bidders: [], answered } satisfies ProbeFinding] : [];
    }, []),
  );
}

/** pbjs.adUnits: which bidders each slot's auction asks (whether or not they answer). */
export function auctionFindings(adUnits: unknown): ProbeFinding[] {
  return attempt(() => list(adUnits, 30), []).flatMap((u) =>
    attempt(() => {
      const unit = u as { code?: unknown; bids?: unknown };
      const slot = str(unit.code, 200);
      const bidders = [...new Set(list(unit.bids, 30).map((b) => str((b as { bidder?: unknown })?.bidder)).filter((b): b is string => !!b))];
      return slot && bidders.length ? [{ kind: 'auction', slot, bidders } satisfies ProbeFinding] : [];
    }, []),
  );
}

interface SlotLike {
  getAdUnitPath?: () => unknown;
  getSlotElementId?: () => unknown;
  getTargetingKeys?: () => unknown;
  getTargeting?: (key: string) => unknown;
  getConfig?: (key: string) => unknown;
  getResponseInformation?: () => unknown;
}

// Header-bidding keys carry prices, sizes and ad ids, never audience names.
export const TECHNICAL_KEY = /^(?:hb_|hb$|amzn|pb_|pbjs|prebid|gdpr|us_privacy|correlator)/i;
// A segment name: a short label with letters in it, not an identifier (no long digit or hex runs).
// Made on first use: V8 compiles a regular expression literal with the script, and this
// one, with its Unicode letter classes, took about 0.5 ms, a third of the whole probe's
// compile time at document start.
const SEGMENT_NAME_SOURCE = String.raw`^(?=.*\p{L}{3})[\p{L}\p{N}][\p{L}\p{N} _.:&/-]{0,38}[\p{L}\p{N}]$`;
let segmentName: RegExp | undefined;
const isSegmentName = (v: string) => (segmentName ??= new RegExp(SEGMENT_NAME_SOURCE, 'u')).test(v);
const IDENTIFIER = /\d{5,}|[0-9a-f]{12,}/i;
/** Keys with segment values one slot may report, page keys included (the schema's bound). */
const MAX_SEGMENT_KEYS = 20;

/**
 * Targeting values that look like audience or context segment names ("wahl-interessiert",
 * "sport"), for keys that are not header-bidding plumbing: at most 10 short values for
 * each of 20 keys. Everything else (prices, ids, long strings) is dropped here.
 */
export function segmentValues(keys: unknown, valueOf: (key: string) => unknown): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  let n = 0;
  for (const k of attempt(() => list(keys, 50), [])) {
    const key = str(k);
    if (!key || TECHNICAL_KEY.test(key) || n >= MAX_SEGMENT_KEYS) continue;
    const raw = attempt(() => valueOf(key), undefined);
    const values = [...new Set(attempt(() => list(Array.isArray(raw) ? raw : [raw], 10), []).map((v) => (typeof v === 'string' ? v.trim() : '')))].filter(
      (v) => isSegmentName(v) && !IDENTIFIER.test(v),
    );
    if (!values.length) continue;
    out[key] = values;
    n++;
  }
  return n ? out : undefined;
}


/** The keys of GPT's `getConfig('targeting')` (the newer API that replaces setTargeting). */
export function configTargetingKeys(getConfig: unknown, self: unknown): string[] {
  return attempt(() => (typeof getConfig === 'function' ? keys((getConfig.call(self, 'targeting') as { targeting?: unknown } | undefined)?.targeting) : []), []);
}

const keyList = (...lists: unknown[]): string[] => [
  ...new Set(lists.flatMap((l) => attempt(() => list(l, 50), [])).map((k) => str(k)).filter((k): k is string => !!k)),
].slice(0, 50);

/**
 * A GPT slot: where it is on the page, its targeting keys (its own and the page's) with
 * the values that look like segment names, and who filled it. `event` is a slotRenderEnded
 * event, which carries the same ids. For backfill and some programmatic ads GPT gives no
 * creative or line item id, only their source-agnostic ids: those are kept.
 */
export function gptSlotFinding(slot: SlotLike, pageKeys?: unknown, pageValue?: (key: string) => unknown, event?: unknown): ProbeFinding | undefined {
  return attempt(() => {
    const info = (attempt(() => slot.getResponseInformation?.(), undefined) ?? event ?? {}) as Record<string, unknown>;
    const elementId = str(slot.getSlotElementId?.(), 200);
    if (!elementId) return undefined;
    const targetingKeys = keyList(attempt(() => slot.getTargetingKeys?.(), undefined), configTargetingKeys(slot.getConfig, slot));
    const slotValues = segmentValues(targetingKeys, (k) => slot.getTargeting?.(k));
    const pageValues = pageValue && pageKeys !== undefined ? segmentValues(pageKeys, pageValue) : undefined;
    // The slot's own values first, then the page's, at most 20 keys in all: the schema's bound.
    const merged = new Map<string, string[]>();
    for (const [k, v] of [...Object.entries(slotValues ?? {}), ...Object.entries(pageValues ?? {})]) {
      if (!merged.has(k) && merged.size < MAX_SEGMENT_KEYS) merged.set(k, v);
    }
    const values = merged.size ? Object.fromEntries(merged) : undefined;
    return {
      kind: 'gpt-slot',
      slot: str(slot.getAdUnitPath?.(), 300) ?? '',
      elementId,
      targetingKeys,
      pageKeys: pageKeys === undefined ? undefined : keyList(pageKeys),
      ...(values ? { values } : {}),
      advertiserId: int(info?.advertiserId),
      campaignId: int(info?.campaignId),
      creativeId: int(info?.creativeId) ?? int(info?.sourceAgnosticCreativeId),
      lineItemId: int(info?.lineItemId) ?? int(info?.sourceAgnosticLineItemId),
    } satisfies ProbeFinding;
  }, undefined);
}
