import { emit } from './emit';
import { criteoFindings, identityFinding, identityFromCall, identityFromQueues, uetFindings, webvisorEnabled, type Identity } from './identity-parse';
import { gptReader } from './gpt';
import { auctionFindings, bidFindings, bidResponseFindings, eidsFinding, gppFinding, tcfFinding } from './parse';
import type { ReaderLink, SeenCall } from './reader-link';
import { IDLE_WAIT_MS, LATE_READS_MS } from './schedule';

type Win = typeof globalThis & Record<string, any>;
const w = globalThis as Win;
const apply = Reflect.apply;

const emitAll = (fs: (Identity | undefined)[]) => {
  for (const f of fs) if (f) emit(f);
};

// ---------------------------------------------------------------------------------
// Calls the probe saw: parsed here, where the parsers are; the probe kept their arguments.

function parseCall({ tag, args }: SeenCall): void {
  switch (tag) {
    case 'fbq':
    case 'snaptr':
    case 'twq':
    case 'ttq.identify':
    case 'lintrk':
      return emitAll([identityFromCall(tag, args)]);
    case 'criteo_q.push':
      return emitAll(criteoFindings(args));
    case 'UET': {
      const o = args[0] as { ti?: unknown } | undefined;
      return emitAll([identityFinding('microsoft', o?.ti, [])]);
    }
    case 'uetq.push':
      return emitAll(uetFindings(args));
    case 'ym':
      if (webvisorEnabled([args])) emit({ kind: 'replay', vendor: 'Yandex Metrica Webvisor' });
      return;
    case 'library-load':
      return attemptEach([readGpt]);
  }
}

function readQueues(): void {
  const queues = {
    dataLayer: w.dataLayer,
    ttq: w.ttq,
    criteo_q: w.criteo_q,
    uetq: w.uetq,
    _linkedin_partner_id: w._linkedin_partner_id,
    _linkedin_data_partner_ids: w._linkedin_data_partner_ids,
    lintrk: w.lintrk,
  };
  // Most pages have none of these: then the parser, and its dozen guarded reads, is not run.
  for (const k in queues) if (queues[k as keyof typeof queues] !== undefined) return emitAll(identityFromQueues(queues));
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

const readGpt = gptReader(w, emit);

// ---------------------------------------------------------------------------------
// Session replay vendors and campaign platforms, by the globals their snippets define
// (shared/research/signals.md §7).

const REPLAY_GLOBALS: [string, string][] = [
  ['hj', 'Hotjar'],
  ['_hjSettings', 'Hotjar'],
  ['_fs_org', 'FullStory'],
  ['clarity', 'Microsoft Clarity'],
  ['_mfq', 'Mouseflow'],
  ['mouseflow', 'Mouseflow'],
  ['LogRocket', 'LogRocket'],
  ['smartlook', 'Smartlook'],
  ['__insp', 'Inspectlet'],
  ['_uxa', 'Contentsquare'],
  ['CS_CONF', 'Contentsquare'],
  ['__wtw_lucky_site_id', 'Lucky Orange'],
];

function readReplayAndCampaign(): void {
  for (const [g, vendor] of REPLAY_GLOBALS) if (w[g] !== undefined) emit({ kind: 'replay', vendor });
  // FullStory's snippet may rename its global (window._fs_namespace).
  const fsName = typeof w._fs_namespace === 'string' ? w._fs_namespace : 'FS';
  if (typeof w[fsName]?.identify === 'function') emit({ kind: 'replay', vendor: 'FullStory' });
  // Yandex Metrica is analytics; it records sessions (Webvisor) only when told to.
  if (typeof w.ym === 'function' && webvisorEnabled(w.ym.a)) emit({ kind: 'replay', vendor: 'Yandex Metrica Webvisor' });
  if (w.NB && typeof w.NB === 'object') emit({ kind: 'campaign', platform: 'nationbuilder', evidence: 'NB' });
  if (w.actblue && typeof w.actblue === 'object') emit({ kind: 'campaign', platform: 'actblue', evidence: 'actblue' });
}

function attemptEach(reads: (() => void)[]): void {
  for (const read of reads) {
    try {
      read();
    } catch {
      /* a hostile or broken page: skip this reading */
    }
  }
}

let wrapLive: () => void = () => {};
const checkAll = () => attemptEach([wrapLive, readQueues, readConsent, readPrebid, readGpt, readReplayAndCampaign]);

const idle = w.requestIdleCallback as ((fn: () => void, opts: { timeout: number }) => number) | undefined;
const later = setTimeout;

/** Runs `fn` once the page is idle, so its own work at load goes first; at most IDLE_WAIT_MS later. */
function whenIdle(fn: () => void): void {
  try {
    if (typeof idle === 'function') apply(idle, w, [fn, { timeout: IDLE_WAIT_MS }]);
    else later(fn, 0);
  } catch {
    /* never disturb the page */
  }
}

/**
 * Reads the page's globals now, the document being parsed, then after the load event when
 * the page is idle, at once and LATE_READS_MS later; and parses the calls the probe saw,
 * those it kept and each new one. Without a link (no probe in this frame) only the globals
 * are read.
 */
export function readGlobals(link: ReaderLink | undefined): void {
  if (link) {
    wrapLive = () => link.wrapLive();
    try {
      link.installAll();
      link.onCall((call) => {
        try {
          parseCall(call);
        } catch {
          /* hostile arguments: skip this call */
        }
      });
    } catch {
      /* a forged link */
    }
  }
  checkAll();
  const readWhenIdle = () => whenIdle(checkAll);
  const onLoad = () => {
    readWhenIdle();
    for (const ms of LATE_READS_MS) later(readWhenIdle, ms);
  };
  try {
    if (w.document.readyState === 'complete') onLoad();
    else w.addEventListener('load', onLoad, { once: true });
  } catch {
    /* never disturb the page */
  }
}
