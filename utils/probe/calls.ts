import type { ElementHooks } from './element-hooks';
import { hideOwnFrames, isOurs, looksLike, wrapSetter } from './native';
import type { SeenCall } from './reader-link';
import { observeAssignedFunction } from './window-trap';

type Win = typeof globalThis & Record<string, any>;
const apply = Reflect.apply;
const construct = Reflect.construct;
const listen = EventTarget.prototype.addEventListener;

/** Calls kept for the reader until it arrives: a pixel is set up with a few. */
const MAX_BACKLOG = 200;
const MAX_LIVE_WRAPS = 40;
const MAX_SCRIPT_LOADS = 100;

/**
 * Calls that set up identity matching, seen as they happen and parsed by the reader
 * (utils/probe/globals.ts) once the document is parsed: until then they wait here, their
 * arguments as the page passed them. Each listener hears the first MAX_BACKLOG calls
 * whenever it comes, so a page that asks for a link first cannot take them from the reader.
 */
export class CallLog {
  private readonly backlog: SeenCall[] = [];
  private readonly listeners: ((call: SeenCall) => void)[] = [];

  note(tag: string, args: ArrayLike<unknown>): void {
    const call = { tag, args };
    if (this.backlog.length < MAX_BACKLOG) this.backlog.push(call);
    for (const l of this.listeners) tell(l, call);
  }

  listen(listener: (call: SeenCall) => void): void {
    this.listeners.push(listener);
    for (const call of this.backlog) tell(listener, call);
  }
}

function tell(listener: (call: SeenCall) => void, call: SeenCall): void {
  try {
    listener(call);
  } catch {
    /* a reader's (or a page's) listener: never disturb the page */
  }
}

/**
 * Live functions: libraries replace their snippets' queues with functions of their own
 * (TikTok's ttq methods, Criteo's and UET's push, UET's constructor, lintrk, ym). Calls
 * made after that never reach a queue, so the live function is wrapped when it appears,
 * in a proxy that notes the call and otherwise behaves exactly like it. Looked for when a
 * watched library finishes loading and when the reader reads the page, a bounded number of times.
 */
export function liveWrapper(w: Win, log: CallLog): () => void {
  let wraps = 0;
  const wrap = (owner: unknown, key: string, tag: string) => {
    try {
      if (!owner || (typeof owner !== 'object' && typeof owner !== 'function')) return;
      const fn = (owner as Record<string, unknown>)[key];
      if (typeof fn !== 'function' || isOurs(fn) || wraps >= MAX_LIVE_WRAPS) return;
      wraps++;
      const proxy = new Proxy(fn, {
        apply(target, thisArg, args) {
          log.note(tag, args);
          try {
            return apply(target, thisArg, args);
          } catch (e) {
            throw hideOwnFrames(e);
          }
        },
        construct(target, args, newTarget) {
          log.note(tag, args);
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
  };
  return () => {
    wrap(w.ttq, 'identify', 'ttq.identify');
    if (w.criteo_q && !Array.isArray(w.criteo_q)) wrap(w.criteo_q, 'push', 'criteo_q.push');
    // UET's snippet builds `new UET({ti, q: uetq})` once bat.js has loaded: the tag id is in those options.
    wrap(w, 'UET', 'UET');
    if (w.uetq && !Array.isArray(w.uetq)) wrap(w.uetq, 'push', 'uetq.push');
    wrap(w, 'lintrk', 'lintrk');
    wrap(w, 'ym', 'ym');
  };
}

// The libraries that replace their queues with live functions, and GPT, by the hosts and
// paths their snippets load them from (shared/research/signals.md §8.3). Snippets add
// these scripts from JavaScript, setting their src: that setter is wrapped, and only such
// a script gets a load listener, which runs before the snippet's own onload (UET builds
// its tracker there). No listener for every load event of the page, and no reading of
// window for missing globals on each (not free in Blink: the window's named properties
// are looked up in the document).
const LIVE_LIBRARIES = /^(?:https?:)?\/\/(?:analytics\.tiktok\.com|static\.criteo\.net|bat\.bing\.com|snap\.licdn\.com|mc\.yandex\.[a-z]+|(?:securepubads\.g\.doubleclick\.net|www\.googletagservices\.com|pagead2\.googlesyndication\.com)\/(?:tag|pagead\/managed)\/js\/)/;

/**
 * Watches, from document start, the calls that configure identity matching: the pixels'
 * functions, assigned to window by their snippets and called at once, and the live
 * functions of libraries once they load (then the log notes a `library-load`, for the
 * reader to look at GPT). Returns the live wrapper, for the reader to call at its moments.
 */
export function watchCalls(w: Win, log: CallLog, elements: ElementHooks): () => void {
  for (const name of ['fbq', 'snaptr', 'twq']) observeAssignedFunction(w, name, (args) => log.note(name, args));
  const wrapLive = liveWrapper(w, log);
  let loads = 0;
  const onLibraryLoad = () => {
    if (loads++ >= MAX_SCRIPT_LOADS) return;
    wrapLive();
    log.note('library-load', []);
  };
  const once = { once: true };
  elements.when('script', () =>
    wrapSetter(w.HTMLScriptElement?.prototype, 'src', (script: HTMLScriptElement, value) => {
      if (typeof value === 'string' && LIVE_LIBRARIES.test(value)) apply(listen, script, ['load', onLibraryLoad, once]);
    }),
  );
  return wrapLive;
}
