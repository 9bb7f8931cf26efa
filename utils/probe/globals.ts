import type { ProbeFinding } from '../probe-schema';
import { emit } from './emit';
import { looksLike } from './native';

type Win = typeof globalThis & Record<string, any>;
const w = globalThis as Win;

const str = (v: unknown, max = 64) => (typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, max) : undefined);
const keysOf = (v: unknown) => (v && typeof v === 'object' ? Object.keys(v).slice(0, 24).map((k) => k.slice(0, 64)) : []);

// ---------------------------------------------------------------------------------
// Identity matching configured in the page: which fields, never their values.

function identity(platform: Extract<ProbeFinding, { kind: 'identity-config' }>['platform'], tag: unknown, data: unknown, only?: string[]): void {
  const fields = keysOf(data).filter((k) => !only || only.includes(k));
  if (fields.length || tag !== undefined) emit({ kind: 'identity-config', platform, tag: str(tag), fields });
}

function onCall(name: string, args: ArrayLike<unknown>): void {
  const [a, b, c] = Array.prototype.slice.call(args, 0, 3);
  if (name === 'fbq' && a === 'init') identity('meta', b, c);
  if (name === 'snaptr' && a === 'init') identity('snap', b, c);
  if (name === 'twq' && a === 'config') identity('x', b, undefined);
}

/**
 * Pixel snippets assign their queueing function to window (fbq, snaptr, twq) before the
 * library loads. An accessor sees that assignment and wraps the function in a proxy
 * that notes calls and otherwise behaves exactly like it.
 */
function observeAssignedFunction(name: string): void {
  if (name in w) return;
  let current: unknown;
  try {
    Object.defineProperty(w, name, {
      configurable: true,
      enumerable: true,
      get: () => current,
      set(value) {
        if (typeof value !== 'function') {
          current = value;
          return;
        }
        const proxy = new Proxy(value, {
          apply(target, thisArg, args) {
            try {
              onCall(name, args);
            } catch {
              /* ignore */
            }
            return Reflect.apply(target, thisArg, args);
          },
        });
        looksLike(proxy, value);
        current = proxy;
      },
    });
  } catch {
    /* the page got there first */
  }
}

/** Queues that pages fill before a library loads: gtag's dataLayer, TikTok's ttq, Criteo, UET. */
function readQueues(): void {
  const entries = (q: unknown): unknown[] => (Array.isArray(q) ? q.slice(0, 500) : []);
  for (const e of entries(w.dataLayer)) {
    const x = e as any;
    if (x?.[0] === 'set' && x[1] === 'user_data') identity('google', undefined, x[2]);
    if (x?.[0] === 'config' && typeof x[1] === 'string' && /^AW-/.test(x[1])) identity('google', x[1], undefined);
  }
  for (const e of entries(w.ttq)) {
    const x = e as any;
    if (Array.isArray(x) && x[0] === 'identify') identity('tiktok', undefined, x[1]);
  }
  for (const e of entries(w.criteo_q)) {
    const x = e as any;
    for (const ev of Array.isArray(x) ? x : [x]) if (ev?.event === 'setEmail' || ev?.event === 'setHashedEmail') identity('criteo', undefined, { email: 1 });
  }
  for (const e of entries(w.uetq)) {
    const x = e as any;
    if (x === 'set' || x?.[0] === 'set') identity('microsoft', undefined, (x?.[1] ?? {}).pid);
  }
  if (w._linkedin_partner_id !== undefined) identity('linkedin', w._linkedin_partner_id, undefined);
}

// ---------------------------------------------------------------------------------
// Consent: we only pass on the TC string; the background decodes it itself.

let tcfListening = false;
function readConsent(): void {
  if (!tcfListening && typeof w.__tcfapi === 'function') {
    tcfListening = true;
    w.__tcfapi('addEventListener', 2, (data: any, ok: boolean) => {
      if (ok && typeof data?.tcString === 'string' && data.tcString) {
        emit({ kind: 'tcf', tcString: data.tcString.slice(0, 8192), eventStatus: str(data.eventStatus), gdprApplies: typeof data.gdprApplies === 'boolean' ? data.gdprApplies : undefined });
      }
    });
  }
  if (typeof w.__gpp === 'function') {
    const take = (ping: any) => {
      const sections = Array.isArray(ping?.applicableSections) ? ping.applicableSections : Object.keys(ping?.parsedSections ?? {});
      if (sections.length) emit({ kind: 'gpp', sections: sections.slice(0, 32).map((s: unknown) => String(s).slice(0, 64)) });
    };
    const result = w.__gpp('ping', take);
    if (result && typeof result === 'object') take(result);
  }
}

// ---------------------------------------------------------------------------------
// Ad auctions: Prebid.js identity graphs and winning bids, Google Publisher Tag slots.

function readPrebid(): void {
  const names: string[] = Array.isArray(w._pbjsGlobals) ? w._pbjsGlobals.slice(0, 4) : ['pbjs'];
  for (const n of names) {
    const pb = w[n];
    if (!pb || typeof pb !== 'object') continue;
    const eids = typeof pb.getUserIdsAsEids === 'function' ? pb.getUserIdsAsEids() : [];
    if (Array.isArray(eids) && eids.length) {
      emit({ kind: 'eids', providers: eids.slice(0, 50).map((e: any) => ({ source: String(e?.source ?? '').slice(0, 253), atype: Number.isInteger(e?.uids?.[0]?.atype) ? e.uids[0].atype : undefined })) });
    }
    const bids = typeof pb.getAllWinningBids === 'function' ? pb.getAllWinningBids() : [];
    for (const bid of Array.isArray(bids) ? bids.slice(0, 30) : []) {
      const dsa = bid?.meta?.dsa;
      emit({
        kind: 'bid',
        slot: String(bid?.adUnitCode ?? '').slice(0, 200),
        bidder: String(bid?.bidderCode ?? bid?.bidder ?? '').slice(0, 64),
        advertiserDomains: (Array.isArray(bid?.meta?.advertiserDomains) ? bid.meta.advertiserDomains : []).slice(0, 10).map((d: unknown) => String(d).slice(0, 253)),
        dsa: dsa && typeof dsa === 'object' ? { behalf: str(dsa.behalf, 200), paid: str(dsa.paid, 200) } : undefined,
      });
    }
  }
}

function readGpt(): void {
  const gt = w.googletag;
  if (!gt || typeof gt.pubads !== 'function' || !gt.apiReady) return;
  const slots = gt.pubads().getSlots?.() ?? [];
  for (const slot of slots.slice(0, 30)) {
    const info = slot.getResponseInformation?.() ?? {};
    const num = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : undefined);
    emit({
      kind: 'gpt-slot',
      slot: String(slot.getAdUnitPath?.() ?? '').slice(0, 300),
      elementId: String(slot.getSlotElementId?.() ?? '').slice(0, 200),
      targetingKeys: (slot.getTargetingKeys?.() ?? []).slice(0, 50).map((k: unknown) => String(k).slice(0, 64)),
      advertiserId: num(info.advertiserId),
      campaignId: num(info.campaignId),
      creativeId: num(info.creativeId),
      lineItemId: num(info.lineItemId),
    });
  }
}

// ---------------------------------------------------------------------------------
// Session replay vendors and campaign platforms, by the globals their scripts define.

const REPLAY_GLOBALS: Record<string, string> = {
  hj: 'Hotjar',
  FS: 'FullStory',
  clarity: 'Microsoft Clarity',
  _mfq: 'Mouseflow',
  LogRocket: 'LogRocket',
  smartlook: 'Smartlook',
  ym: 'Yandex Metrica (Webvisor)',
  __insp: 'Inspectlet',
  _uxa: 'Contentsquare',
  __wtw_lucky_site_id: 'Lucky Orange',
};

function readReplayAndCampaign(): void {
  for (const [g, vendor] of Object.entries(REPLAY_GLOBALS)) if (w[g] !== undefined) emit({ kind: 'replay', vendor });
  if (w.NB && typeof w.NB === 'object') emit({ kind: 'campaign', platform: 'nationbuilder', evidence: 'NB' });
  if (w.actblue && typeof w.actblue === 'object') emit({ kind: 'campaign', platform: 'actblue', evidence: 'actblue' });
}

function checkAll(): void {
  for (const read of [readQueues, readConsent, readPrebid, readGpt, readReplayAndCampaign]) {
    try {
      read();
    } catch {
      /* a hostile or broken page: skip this reading */
    }
  }
}

/** Installs the call observers now, and reads the page's globals at a few moments of its life. */
export function watchGlobals(): void {
  for (const name of ['fbq', 'snaptr', 'twq']) observeAssignedFunction(name);
  addEventListener('DOMContentLoaded', checkAll, { once: true });
  addEventListener('load', () => {
    checkAll();
    for (const ms of [1000, 3000, 6000, 10000]) setTimeout(checkAll, ms);
  }, { once: true });
}
