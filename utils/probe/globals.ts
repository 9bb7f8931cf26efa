import { emit } from './emit';
import { criteoFindings, identityFinding, identityFromCall, identityFromQueues, uetFindings, webvisorEnabled, type Identity } from './identity-parse';
import { hideOwnFrames, isOurs, looksLike, wrapSetter } from './native';
import { gptReader } from './gpt';
import { auctionFindings, bidFindings, bidResponseFindings, eidsFinding, gppFinding, tcfFinding } from './parse';
import { IDLE_WAIT_MS, LATE_READS_MS } from './schedule';
import { observeAssignedFunction } from './window-trap';

type Win = typeof globalThis & Record<string, any>;
const w = globalThis as Win;
const listen = EventTarget.prototype.addEventListener;
const apply = Reflect.apply;
const construct = Reflect.construct;

const emitAll = (fs: (Identity | undefined)[]) => {
  for (const f of fs) if (f) emit(f);
};

// ---------------------------------------------------------------------------------
// Live functions: libraries replace their snippets' queues with functions of their own
// (TikTok's ttq methods, Criteo's and UET's push, UET's constructor, lintrk, ym). Calls
// made after that never reach a queue, so the live function is wrapped when it appears,
// in a proxy that notes the call and otherwise behaves exactly like it. Looked for when a
// script finishes loading and at a few moments of the page's life, a bounded number of times.

const MAX_LIVE_WRAPS = 40;
let liveWraps = 0;

function wrapLive(owner: unknown, key: string, onCall: (args: ArrayLike<unknown>) => void): void {
  try {
    if (!owner || (typeof owner !== 'object' && typeof owner !== 'function')) return;
    const fn = (owner as Record<string, unknown>)[key];
    if (typeof fn !== 'function' || isOurs(fn) || liveWraps >= MAX_LIVE_WRAPS) return;
    liveWraps++;
    const note = (args: ArrayLike<unknown>) => {
      try {
        onCall(args);
      } catch {
        /* never disturb the page */
      }
    };
    const proxy = new Proxy(fn, {
      apply(target, thisArg, args) {
        note(args);
        try {
          return apply(target, thisArg, args);
        } catch (e) {
          throw hideOwnFrames(e);
        }
      },
      construct(target, args, newTarget) {
        note(args);
        try {
          return construct(target, args, newTarget);
        } catch (e) {
          throw hideOwnFrames(e);
        }
      },
    });
    looksLike(proxy, fn);
    (owner as Record<string, unknown>)[key] = proxy;
  } catch {
    /* a frozen or exotic object: leave it */
  }
}

function wrapLiveFunctions(): void {
  wrapLive(w.ttq, 'identify', (args) => emitAll([identityFromCall('ttq.identify', args)]));
  if (w.criteo_q && !Array.isArray(w.criteo_q)) wrapLive(w.criteo_q, 'push', (args) => emitAll(criteoFindings(args)));
  // UET's snippet builds `new UET({ti, q: uetq})` once bat.js has loaded: the tag id is in those options.
  wrapLive(w, 'UET', (args) => {
    const o = args[0] as { ti?: unknown; q?: unknown } | undefined;
    emitAll([identityFinding('microsoft', o?.ti, [])]);
  });
  if (w.uetq && !Array.isArray(w.uetq)) wrapLive(w.uetq, 'push', (args) => emitAll(uetFindings(args)));
  wrapLive(w, 'lintrk', (args) => emitAll([identityFromCall('lintrk', args)]));
  wrapLive(w, 'ym', (args) => {
    if (webvisorEnabled([args])) emit({ kind: 'replay', vendor: 'Yandex Metrica Webvisor' });
  });
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

const checkAll = () => attemptEach([wrapLiveFunctions, readQueues, readConsent, readPrebid, readGpt, readReplayAndCampaign]);

const MAX_SCRIPT_LOADS = 100;
let scriptLoads = 0;
// The libraries that replace their queues with live functions, and GPT, by the hosts and
// paths their snippets load them from (shared/research/signals.md §8.3). Snippets add
// these scripts from JavaScript, setting their src: that setter is wrapped, and only such
// a script gets a load listener, which runs before the snippet's own onload (UET builds
// its tracker there). No listener for every load event of the page, and no reading of
// window for missing globals on each (not free in Blink: the window's named properties
// are looked up in the document).
const LIVE_LIBRARIES = /^(?:https?:)?\/\/(?:analytics\.tiktok\.com|static\.criteo\.net|bat\.bing\.com|snap\.licdn\.com|mc\.yandex\.[a-z]+|(?:securepubads\.g\.doubleclick\.net|www\.googletagservices\.com|pagead2\.googlesyndication\.com)\/(?:tag|pagead\/managed)\/js\/)/;

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
 * Installs the call observers now, and reads the page's globals at a few moments of its
 * life: when the document is parsed, then after the load event when the page is idle, at
 * once and LATE_READS_MS later.
 */
export function watchGlobals(): void {
  for (const name of ['fbq', 'snaptr', 'twq']) observeAssignedFunction(w, name, (args) => emitAll([identityFromCall(name, args)]));
  const onLibraryLoad = () => {
    if (scriptLoads++ < MAX_SCRIPT_LOADS) attemptEach([wrapLiveFunctions, readGpt]);
  };
  const once = { once: true };
  wrapSetter(w.HTMLScriptElement?.prototype, 'src', (script: HTMLScriptElement, value) => {
    if (typeof value === 'string' && LIVE_LIBRARIES.test(value)) apply(listen, script, ['load', onLibraryLoad, once]);
  });
  const readWhenIdle = () => whenIdle(checkAll);
  try {
    // Not later than the document being parsed: a library loaded async may take over its
    // queue (Criteo's criteo_q) right after, and what was queued before is gone.
    apply(listen, w, ['DOMContentLoaded', checkAll, once]);
    apply(listen, w, [
      'load',
      () => {
        readWhenIdle();
        for (const ms of LATE_READS_MS) later(readWhenIdle, ms);
      },
      once,
    ]);
  } catch {
    /* never disturb the page */
  }
}
