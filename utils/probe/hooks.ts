import { callerScript } from './caller';
import type { ElementHooks } from './element-hooks';
import { onFirstGet, shadowUntilFirstCall, stringSet, wrapGetter, wrapMethod, wrapSetter } from './native';
import { otherHost } from './page-host';
import type { TapKind } from './taps';

type Win = typeof globalThis & Record<string, any>;
type Tap = (kind: TapKind, self: unknown, a?: unknown, b?: unknown) => void;

// Device properties fingerprinting scripts read and ordinary pages rarely read together
// (shared/research/signals.md §6). navigator.userAgent and language are left out: every
// analytics script reads them.
const NAVIGATOR_PROPS = [
  'hardwareConcurrency', 'deviceMemory', 'platform', 'languages', 'plugins', 'mimeTypes', 'userAgentData',
  'maxTouchPoints', 'vendor', 'doNotTrack', 'webdriver', 'pdfViewerEnabled', 'connection', 'productSub', 'oscpu', 'buildID',
];
const SCREEN_PROPS = ['width', 'height', 'colorDepth', 'pixelDepth', 'availWidth', 'availHeight', 'availLeft', 'availTop', 'orientation'];
const TEXT_WRITES = ['fillText', 'strokeText'];
const ANALYSER_READS = ['getFloatFrequencyData', 'getByteFrequencyData', 'getFloatTimeDomainData', 'getByteTimeDomainData'];
/** The events whose listeners can hear what people type; keylog-rule.ts judges them. */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'change', 'beforeinput'];
const HANDLERS = ['oninput', 'onkeydown', 'onkeyup', 'onchange'];
/** 2D contexts whose maker is looked up from a stack, at most, over a page's life. */
const MAX_CREATORS = 64;
const UNMASKED_VENDOR = 0x9245;
const UNMASKED_RENDERER = 0x9246;
const getPrototypeOf = Object.getPrototypeOf;
/**
 * The probe's hooks on the page's APIs, from document start: each tells the tap what was
 * called, and the reader's rules (rules.ts) judge it. Only what a fingerprinting or key
 * logging script would call is hooked, with the cheapest hook that sees it; the hooks
 * that need an interface the page may never use wait until it does:
 * - canvas: getContext and the exports, on HTMLCanvasElement once the page makes a
 *   canvas, and on OffscreenCanvas; a context's prototype once a context of its kind
 *   exists; the first text written on a 2D context another host's script made (an own
 *   method, removed at once);
 * - audio: the nodes fingerprints make, then the read-backs once an oscillator exists;
 * - fonts: a 2D context's font setter, document.fonts.check, offsetWidth;
 * - device properties: navigator's and screen's, once the page first reads them;
 * - key logging: key-event listeners and on… handlers, what is typed and submitted, and
 *   field values once someone has typed.
 */
export function hookPage(elements: ElementHooks, tap: Tap, w: Win = globalThis as Win): void {
  // Ours to add our own listeners with, before the page's is wrapped.
  const listen = w.EventTarget?.prototype.addEventListener as EventTarget['addEventListener'] | undefined;
  // --- canvas, and fonts measured on a canvas ---------------------------------------
  const hooked = new Set<object>();
  const contexts = new WeakSet<object>();
  let creators = 0;
  // Creating a context's interface costs Chromium time (several milliseconds for WebGL),
  // so a context's prototype is wrapped only once a page actually creates one.
  const onContext = (canvas: object, type: unknown, context: unknown) => {
    if (!context || typeof type !== 'string') return;
    const is2d = type === '2d';
    if ((!is2d && !type.includes('webgl')) || contexts.has(context)) return;
    contexts.add(context);
    const proto = getPrototypeOf(context) as object;
    if (is2d) {
      // Who made it, for the canvas rule; only on another host's context is the first text
      // write watched: an own method on the page's own contexts costs the page's drawing.
      const creator = creators++ < MAX_CREATORS ? callerScript() : undefined;
      tap('context', canvas, context, creator);
      if (creator && otherHost(creator)) shadowUntilFirstCall(context as object, proto, TEXT_WRITES, (ctx: object) => tap('wrote', ctx));
    }
    if (hooked.has(proto)) return;
    hooked.add(proto);
    if (is2d) {
      wrapMethod(proto, 'getImageData', (ctx: object, _x, _y, sw, sh) => tap('image', ctx, sw, sh));
      // Measuring text in many fonts means setting many fonts: the font setter is called far
      // less often than measureText or fillText on ordinary pages, and gives the value free.
      wrapSetter(proto, 'font', (ctx: object, value) => tap('font', ctx, value));
    } else {
      wrapMethod(proto, 'getParameter', (gl: object, pname) => {
        if (pname === UNMASKED_RENDERER || pname === UNMASKED_VENDOR) tap('webgl', gl, pname);
      });
    }
  };
  const read = (canvas: object) => tap('read', canvas);
  elements.when('canvas', () => {
    const HTMLCanvas = w.HTMLCanvasElement?.prototype;
    wrapMethod(HTMLCanvas, 'getContext', undefined, onContext);
    wrapMethod(HTMLCanvas, 'toDataURL', read);
    wrapMethod(HTMLCanvas, 'toBlob', read);
  });
  const Offscreen = w.OffscreenCanvas?.prototype;
  wrapMethod(Offscreen, 'getContext', undefined, onContext);
  wrapMethod(Offscreen, 'convertToBlob', read);

  // --- audio ---------------------------------------------------------------------------
  // The read-back side is wrapped once a page makes an oscillator, which every audio
  // fingerprint does and most pages never do.
  let audioHooked = false;
  const BaseAudio = w.BaseAudioContext?.prototype;
  wrapMethod(BaseAudio, 'createOscillator', (ctx: object) => {
    tap('audio', ctx, 'oscillator');
    if (audioHooked) return;
    audioHooked = true;
    wrapMethod(w.OfflineAudioContext?.prototype, 'startRendering', (c: object) => tap('audio-read', c));
    for (const m of ANALYSER_READS) wrapMethod(w.AnalyserNode?.prototype, m, (node: AudioNode) => tap('audio-read', node.context));
  });
  wrapMethod(BaseAudio, 'createDynamicsCompressor', (ctx: object) => tap('audio', ctx, 'compressor'));
  wrapMethod(BaseAudio, 'createAnalyser', (ctx: object) => tap('audio', ctx, 'analyser'));

  // --- fonts measured in the document ------------------------------------------------
  // Font probes compare a span's width first, and its height only when the width is the
  // same: offsetWidth alone sees them, and halves what layout code pays.
  elements.when('html', () => wrapGetter(w.HTMLElement?.prototype, 'offsetWidth', (el: object) => tap('measure', el)));
  wrapMethod(w.FontFaceSet?.prototype, 'check', (set: object, font) => tap('fontcheck', set, font));

  // --- device properties -----------------------------------------------------------------
  // Their 25 getters are wrapped when the page first reads window.navigator or window.screen.
  // Their prototypes are taken from the objects the page just read, so that we do not make
  // the window's Navigator and Screen interface objects for it.
  const protoOf = (o: unknown) => (o && typeof o === 'object' ? (getPrototypeOf(o) as object | null) ?? undefined : undefined);
  const device = (names: string[], prefix: string) => (o: unknown) => {
    const proto = protoOf(o) ?? w[prefix ? 'Screen' : 'Navigator']?.prototype;
    for (const p of names) {
      const key = prefix + p;
      wrapGetter(proto, p, (self: object) => tap('device', self, key));
    }
  };
  onFirstGet(w, 'navigator', device(NAVIGATOR_PROPS, ''));
  onFirstGet(w, 'screen', device(SCREEN_PROPS, 'screen.'));

  // --- key logging -------------------------------------------------------------------
  // Pages add listeners by the hundred, nearly all for other events: the wrapper itself
  // lets those through without calling the hook.
  wrapMethod(
    w.EventTarget?.prototype,
    'addEventListener',
    (target: object, type, fn) => {
      if (fn) tap('listen', target, type);
    },
    undefined,
    stringSet(KEY_EVENTS),
  );
  const onHandler = (name: string) => (target: object, value: unknown) => {
    if (typeof value === 'function') tap('handler', target, name, value);
  };
  for (const name of HANDLERS) {
    wrapSetter(w.Document?.prototype, name, onHandler(name));
    wrapSetter(w, name, onHandler(name));
  }
  elements.when('html', () => {
    for (const name of HANDLERS) wrapSetter(w.HTMLElement?.prototype, name, onHandler(name));
  });
  // What people type: our own listeners, added with the original method, mark a field as
  // typed into; the value getters are wrapped when someone first types: until then no
  // value read can be key logging, and pages read values often.
  let valueHooked = false;
  const value = (el: object) => tap('value', el);
  const doc = w.document as Document | undefined;
  if (!listen || !doc) return;
  try {
    listen.call(doc, 'input', (e: Event) => {
      try {
        if (!valueHooked) {
          valueHooked = true;
          wrapGetter(w.HTMLInputElement?.prototype, 'value', value);
          wrapGetter(w.HTMLTextAreaElement?.prototype, 'value', value);
        }
        tap('typed', e.target);
      } catch {
        /* our own listeners never throw into the page's event dispatch */
      }
    }, { capture: true, passive: true });
    listen.call(doc, 'submit', () => tap('submit', undefined), { capture: true, passive: true });
  } catch {
    /* never disturb the page */
  }
}
