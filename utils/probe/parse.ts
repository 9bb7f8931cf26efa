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

/** pbjs.getAllWinningBids(): who won each slot, for which advertiser, with DSA transparency. */
export function bidFindings(bids: unknown): ProbeFinding[] {
  return attempt(() => list(bids, 30), []).flatMap((b) =>
    attempt(() => {
      const bid = b as { adUnitCode?: unknown; bidderCode?: unknown; bidder?: unknown; meta?: { advertiserDomains?: unknown; dsa?: { behalf?: unknown; paid?: unknown } } };
      const dsa = bid.meta?.dsa;
      const finding: ProbeFinding = {
        kind: 'bid',
        slot: str(bid.adUnitCode, 200) ?? '',
        bidder: str(bid.bidderCode ?? bid.bidder) ?? '',
        advertiserDomains: list(bid.meta?.advertiserDomains, 10).map((d) => str(d, 253)).filter((d): d is string => !!d),
        dsa: dsa && typeof dsa === 'object' ? { behalf: str(dsa.behalf, 200), paid: str(dsa.paid, 200) } : undefined,
      };
      return finding.slot && finding.bidder ? [finding] : [];
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
  getConfig?: (key: string) => unknown;
  getResponseInformation?: () => unknown;
}

/** The keys of GPT's `getConfig('targeting')` (the newer API that replaces setTargeting). */
export function configTargetingKeys(getConfig: unknown, self: unknown): string[] {
  return attempt(() => (typeof getConfig === 'function' ? keys((getConfig.call(self, 'targeting') as { targeting?: unknown } | undefined)?.targeting) : []), []);
}

const keyList = (...lists: unknown[]): string[] => [
  ...new Set(lists.flatMap((l) => attempt(() => list(l, 50), [])).map((k) => str(k)).filter((k): k is string => !!k)),
].slice(0, 50);

/**
 * A GPT slot: where it is on the page, its targeting keys, and who filled it. `event` is a
 * slotRenderEnded event, which carries the same ids. For backfill and some programmatic
 * ads GPT gives no creative or line item id, only their source-agnostic ids: those are kept.
 */
export function gptSlotFinding(slot: SlotLike, pageKeys?: unknown, event?: unknown): ProbeFinding | undefined {
  return attempt(() => {
    const info = (attempt(() => slot.getResponseInformation?.(), undefined) ?? event ?? {}) as Record<string, unknown>;
    const elementId = str(slot.getSlotElementId?.(), 200);
    if (!elementId) return undefined;
    return {
      kind: 'gpt-slot',
      slot: str(slot.getAdUnitPath?.(), 300) ?? '',
      elementId,
      targetingKeys: keyList(attempt(() => slot.getTargetingKeys?.(), undefined), configTargetingKeys(slot.getConfig, slot)),
      pageKeys: pageKeys === undefined ? undefined : keyList(pageKeys),
      advertiserId: int(info?.advertiserId),
      campaignId: int(info?.campaignId),
      creativeId: int(info?.creativeId) ?? int(info?.sourceAgnosticCreativeId),
      lineItemId: int(info?.lineItemId) ?? int(info?.sourceAgnosticLineItemId),
    } satisfies ProbeFinding;
  }, undefined);
}
