import { scriptFromStack } from '../engine/stack';
import type { ProbeFinding } from '../probe-schema';
import { emit } from './emit';
import { wrapMethod, wrapSetter } from './native';

type Technique = Extract<ProbeFinding, { kind: 'fingerprint' }>['technique'];

const SMALL_AREA = 16 * 16;
const FONT_SWEEP = 30;
const reported = new Set<string>();

// Taking a stack costs microseconds, so only suspicious calls pay for it.
function report(technique: Technique): void {
  const script = scriptFromStack(new Error().stack);
  if (!script || reported.has(technique + script)) return;
  reported.add(technique + script);
  emit({ kind: 'fingerprint', technique, script });
}

/**
 * Fingerprinting as the research defines it: a canvas larger than 16×16 drawn with text
 * and read back; WebGL's unmasked renderer or vendor; offline audio rendering; setting
 * many fonts to measure text in. The wrappers run on every call a page makes, so the
 * common path is a comparison or two; the stack is taken only when a rule fires.
 */
export function watchFingerprinting(): void {
  const written = new WeakSet<object>();
  let lastContext: unknown;
  const fonts = new Set<string>();
  const c2d = globalThis.CanvasRenderingContext2D?.prototype;
  const drew = (ctx: CanvasRenderingContext2D) => {
    if (ctx === lastContext) return;
    lastContext = ctx;
    written.add(ctx.canvas);
  };
  wrapMethod(c2d, 'fillText', drew);
  wrapMethod(c2d, 'strokeText', drew);
  wrapMethod(c2d, 'getImageData', (ctx: CanvasRenderingContext2D, _sx, _sy, sw, sh) => {
    if (written.has(ctx.canvas) && Math.abs(Number(sw) * Number(sh)) > SMALL_AREA) report('canvas');
  });
  wrapSetter(c2d, 'font', (_ctx, value) => {
    if (fonts.size >= FONT_SWEEP) return;
    fonts.add(String(value));
    if (fonts.size === FONT_SWEEP) report('fonts');
  });
  const read = (canvas: HTMLCanvasElement) => {
    if (written.has(canvas) && canvas.width * canvas.height > SMALL_AREA) report('canvas');
  };
  wrapMethod(globalThis.HTMLCanvasElement?.prototype, 'toDataURL', read);
  wrapMethod(globalThis.HTMLCanvasElement?.prototype, 'toBlob', read);

  // Touching the WebGL interfaces costs Chromium milliseconds, so their prototype is
  // wrapped only once a page actually creates a WebGL context.
  const UNMASKED_VENDOR = 0x9245;
  const UNMASKED_RENDERER = 0x9246;
  const hooked = new Set<object>();
  wrapMethod(globalThis.HTMLCanvasElement?.prototype, 'getContext', undefined, (_canvas, type, context) => {
    if (typeof type !== 'string' || !type.includes('webgl') || !context) return;
    const proto = Object.getPrototypeOf(context) as object;
    if (hooked.has(proto)) return;
    hooked.add(proto);
    wrapMethod(proto, 'getParameter', (_gl, pname) => {
      if (pname === UNMASKED_RENDERER || pname === UNMASKED_VENDOR) report('webgl');
    });
  });
  wrapMethod(globalThis.OfflineAudioContext?.prototype, 'startRendering', () => report('audio'));
}
