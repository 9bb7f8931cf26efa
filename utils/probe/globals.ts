import { emit } from './emit';
import { looksLike } from './native';
import { auctionFindings, bidFindings, bidResponseFindings, eidsFinding, gppFinding, gptSlotFinding, identityFromCall, identityFromQueues, tcfFinding } from './parse';

type Win = typeof globalThis & Record<string, any>;
const w = globalThis as Win;

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
            const found = identityFromCall(name, args);
            if (found) emit(found);
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

function readQueues(): void {
  for (const f of identityFromQueues({ dataLayer: w.dataLayer, ttq: w.ttq, criteo_q: w.criteo_q, uetq: w.uetq, _linkedin_partner_id: w._linkedin_partner_id })) emit(f);
}

// ---------------------------------------------------------------------------------
// Consent: we only pass on the TC string; the background decodes it itself.

let tcfListening = false;
function readConsent(): void {
  if (!tcfListening && typeof w.__tcfapi === 'function') {
    tcfListening = true;
    // The CMP calls back at every change; never let our code throw into it.
    w.__tcfapi('addEventListener', 2, (data: unknown, ok: unknown) => {
      const f = tcfFinding(data, ok);
      if (f) emit(f);
    });
  }
  if (typeof w.__gpp === 'function') {
    const take = (ping: unknown) => {
      const f = gppFinding(ping);
      if (f) emit(f);
    };
    take(w.__gpp('ping', take));
  }
}

// ---------------------------------------------------------------------------------
// Ad auctions: Prebid.js identity graphs and winning bids, Google Publisher Tag slots.

function readPrebid(): void {
  const names: unknown[] = Array.isArray(w._pbjsGlobals) ? w._pbjsGlobals.slice(0, 4) : ['pbjs'];
  for (const n of names) {
    const pb = typeof n === 'string' ? w[n] : undefined;
    if (!pb || typeof pb !== 'object') continue;
    const eids = typeof pb.getUserIdsAsEids === 'function' ? eidsFinding(pb.getUserIdsAsEids()) : undefined;
    if (eids) emit(eids);
    if (typeof pb.getAllWinningBids === 'function') for (const f of bidFindings(pb.getAllWinningBids())) emit(f);
    for (const f of auctionFindings(pb.adUnits)) emit(f);
    if (typeof pb.getBidResponses === 'function') for (const f of bidResponseFindings(pb.getBidResponses())) emit(f);
  }
}

function readGpt(): void {
  const gt = w.googletag;
  if (!gt || typeof gt.pubads !== 'function' || !gt.apiReady) return;
  const pubads = gt.pubads();
  const slots = pubads.getSlots?.();
  const pageKeys = typeof pubads.getTargetingKeys === 'function' ? pubads.getTargetingKeys() : undefined;
  const pageValue = typeof pubads.getTargeting === 'function' ? (k: string) => pubads.getTargeting(k) : undefined;
  for (const slot of Array.isArray(slots) ? slots.slice(0, 30) : []) {
    const f = gptSlotFinding(slot, pageKeys, pageValue);
    if (f) emit(f);
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
