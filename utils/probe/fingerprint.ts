import { fromOtherHost } from '../engine/stack';
import { AudioRule } from './audio-rule';
import { callerScript } from './caller';
import { CanvasRule } from './canvas-rule';
import type { ElementHooks } from './element-hooks';
import { fontFamilyOf, MeasureBurst } from './font-family';
import { onFirstGet, shadowUntilFirstCall, wrapGetter, wrapMethod, wrapSetter } from './native';
import { pageHost } from './page-host';
import { reportFingerprint } from './report';
import { Sweep } from './sweep';

type Win = typeof globalThis & Record<string, any>;

// Device properties fingerprinting scripts read and ordinary pages rarely read together
// (shared/research/signals.md §6). navigator.userAgent and language are left out: every
// analytics script reads them.
const NAVIGATOR_PROPS = [
  'hardwareConcurrency', 'deviceMemory', 'platform', 'languages', 'plugins', 'mimeTypes', 'userAgentData',
  'maxTouchPoints', 'vendor', 'doNotTrack', 'webdriver', 'pdfViewerEnabled', 'connection', 'productSub', 'oscpu', 'buildID',
];
const SCREEN_PROPS = ['width', 'height', 'colorDepth', 'pixelDepth', 'availWidth', 'availHeight', 'availLeft', 'availTop', 'orientation'];

const TEXT_WRITES = ['fillText', 'strokeText'];
/** Stacks taken for new 2D contexts, at most, over a page's life. */
const MAX_CREATORS = 64;
const UNMASKED_VENDOR = 0x9245;
const UNMASKED_RENDERER = 0x9246;
const later = setTimeout;
const apply = Reflect.apply;
const getPrototypeOf = Object.getPrototypeOf;

/**
 * Fingerprinting, from the research's definitions, with the cheapest hooks that see it.
 * Each is attributed to the calling script from a stack, taken only when a rule fires:
 * - canvas: text written and read back over more than 16×16 by the same script, on a
 *   canvas not shown in the document (2D canvas and OffscreenCanvas; see canvas-rule.ts
 *   for how writes are watched cheaply);
 * - WebGL: the unmasked renderer or vendor queried;
 * - audio: an oscillator with a compressor or analyser, read back;
 * - fonts: one script measuring many font families (span widths; text on a canvas,
 *   seen by the fonts it sets; document.fonts.check);
 * - navigator: one script reading many device properties of navigator and screen.
 */
export function watchFingerprinting(elements: ElementHooks, w: Win = globalThis as Win): void {
  const canvas = new CanvasRule(callerScript, (s) => reportFingerprint('canvas', s));
  const audio = new AudioRule(callerScript, (s) => reportFingerprint('audio', s));
  const fonts = new Sweep({ gate: 5, threshold: 30, windowMs: 2000, maxStacks: 300 }, later, callerScript, (s) => reportFingerprint('fonts', s));
  const device = new Sweep({ gate: 6, threshold: 10, windowMs: 1000, maxStacks: 60 }, later, callerScript, (s) => reportFingerprint('navigator', s));

  // --- canvas, and fonts measured on a canvas ---------------------------------------
  const contextOf = new WeakMap<object, object>();
  const hooked = new Set<object>();
  const textBurst = new MeasureBurst(20, 1000, later);
  const shown = (c: { isConnected?: boolean }) => c.isConnected === true;
  // Creating a context's interface costs Chromium time (several milliseconds for WebGL),
  // so a context's prototype is wrapped only once a page actually creates one.
  const hookContext = (proto: object, type: '2d' | 'webgl') => {
    if (hooked.has(proto)) return;
    hooked.add(proto);
    if (type === '2d') {
      wrapMethod(proto, 'getImageData', (ctx: CanvasRenderingContext2D, _x, _y, sw, sh) => canvas.read(ctx, Number(sw), Number(sh), shown(ctx.canvas)));
      // Measuring text in many fonts means setting many fonts: the font setter is called far
      // less often than measureText or fillText on ordinary pages, and gives the value free.
      wrapSetter(proto, 'font', (_ctx, value) => {
        if (!textBurst.hit()) return;
        const family = fontFamilyOf(value);
        textBurst.saw(family);
        fonts.note(family);
      });
    } else {
      wrapMethod(proto, 'getParameter', (_gl, pname) => {
        if (pname === UNMASKED_RENDERER || pname === UNMASKED_VENDOR) reportFingerprint('webgl', callerScript());
      });
    }
  };
  // Who made each 2D context, and, on contexts made by another host's script, who first
  // writes text on it: their own fillText and strokeText see that one call, then step aside.
  let creators = 0;
  const foreign = (script: string) => {
    try {
      return fromOtherHost(script, pageHost());
    } catch {
      return false;
    }
  };
  const onContext = (target: object, type: unknown, context: unknown) => {
    if (!context || typeof type !== 'string') return;
    const proto = getPrototypeOf(context) as object;
    if (type === '2d') {
      if (!contextOf.has(target)) {
        const creator = creators++ < MAX_CREATORS ? callerScript() : undefined;
        const track = !!creator && foreign(creator);
        canvas.created(context as object, creator, track);
        if (track) shadowUntilFirstCall(context as object, proto, TEXT_WRITES, (ctx: object) => canvas.wrote(ctx));
      }
      contextOf.set(target, context as object);
    } else if (!type.includes('webgl')) return;
    hookContext(proto, type === '2d' ? '2d' : 'webgl');
  };
  const readCanvas = (c: HTMLCanvasElement | OffscreenCanvas) => canvas.read(contextOf.get(c), c.width, c.height, shown(c as { isConnected?: boolean }));
  elements.when('canvas', () => {
    const HTMLCanvas = w.HTMLCanvasElement?.prototype;
    wrapMethod(HTMLCanvas, 'getContext', undefined, onContext);
    wrapMethod(HTMLCanvas, 'toDataURL', readCanvas);
    wrapMethod(HTMLCanvas, 'toBlob', readCanvas);
  });
  const Offscreen = w.OffscreenCanvas?.prototype;
  wrapMethod(Offscreen, 'getContext', undefined, onContext);
  wrapMethod(Offscreen, 'convertToBlob', readCanvas);

  // --- audio ---------------------------------------------------------------------------
  // The read-back side is wrapped once a page makes an oscillator, which every audio
  // fingerprint does and most pages never do.
  let audioHooked = false;
  const hookAudioReads = () => {
    if (audioHooked) return;
    audioHooked = true;
    wrapMethod(w.OfflineAudioContext?.prototype, 'startRendering', (ctx: object) => audio.readBack(ctx));
    const analyser = w.AnalyserNode?.prototype;
    for (const m of ['getFloatFrequencyData', 'getByteFrequencyData', 'getFloatTimeDomainData', 'getByteTimeDomainData']) {
      wrapMethod(analyser, m, (node: AudioNode) => audio.readBack(node.context));
    }
  };
  const BaseAudio = w.BaseAudioContext?.prototype;
  wrapMethod(BaseAudio, 'createOscillator', (ctx: object) => {
    audio.created(ctx, 'oscillator');
    hookAudioReads();
  });
  wrapMethod(BaseAudio, 'createDynamicsCompressor', (ctx: object) => audio.created(ctx, 'compressor'));
  wrapMethod(BaseAudio, 'createAnalyser', (ctx: object) => audio.created(ctx, 'analyser'));

  // --- fonts measured in the document ------------------------------------------------
  const boxBurst = new MeasureBurst(20, 1000, later);
  // Element's, taken when the hook is installed: the page has made the interface by then.
  let hasAttribute: Element['hasAttribute'] | undefined;
  const STYLE = ['style'];
  // Layout code reads widths all the time: the common case is one call and a compare. An
  // element without a style attribute has no inline font family: its style object (which
  // the page may never have needed) is not made for us.
  const measured = (el: HTMLElement) => {
    if (!boxBurst.hit()) return;
    const family = !hasAttribute || apply(hasAttribute, el, STYLE) ? el.style?.fontFamily : '';
    const f = typeof family === 'string' && family ? fontFamilyOf(family) : '';
    boxBurst.saw(f);
    if (f) fonts.note(f);
  };
  // Font probes compare a span's width first, and its height only when the width is the
  // same: offsetWidth alone sees them, and halves what layout code pays.
  elements.when('html', () => {
    hasAttribute = w.Element?.prototype.hasAttribute;
    wrapGetter(w.HTMLElement?.prototype, 'offsetWidth', measured);
  });
  wrapMethod(w.FontFaceSet?.prototype, 'check', (_set, font) => fonts.note(fontFamilyOf(font)));

  // --- device properties -----------------------------------------------------------------
  // Their 25 getters are wrapped when the page first reads window.navigator or window.screen.
  // Their prototypes are taken from the objects the page just read, so that we do not make
  // the window's Navigator and Screen interface objects for it.
  const protoOf = (o: unknown) => (o && typeof o === 'object' ? (getPrototypeOf(o) as object | null) ?? undefined : undefined);
  onFirstGet(w, 'navigator', (nav) => {
    const Nav = protoOf(nav) ?? w.Navigator?.prototype;
    for (const p of NAVIGATOR_PROPS) wrapGetter(Nav, p, () => device.note(p));
  });
  onFirstGet(w, 'screen', (scr) => {
    const Scr = protoOf(scr) ?? w.Screen?.prototype;
    for (const p of SCREEN_PROPS) {
      const key = `screen.${p}`;
      wrapGetter(Scr, p, () => device.note(key));
    }
  });
}
