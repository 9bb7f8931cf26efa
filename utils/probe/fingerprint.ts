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
 * Fingerprinting, from the research's definitions, with the cheapest hooks that see it:
 * - canvas: a canvas with a 2D context, larger than 16×16 and not part of the document,
 *   read back (toDataURL, toBlob, getImageData): a hidden drawing made to be measured;
 * - WebGL: the unmasked renderer or vendor queried;
 * - audio: an offline audio context rendered;
 * - fonts: many different fonts set on a 2D context, to measure text in each.
 * No drawing call is wrapped: pages draw thousands of times, and the read is what
 * matters. The call stack is taken only when a rule fires.
 */
export function watchFingerprinting(): void {
  const drawn = new WeakSet<object>();
  const fonts = new Set<string>();
  const hooked = new Set<object>();
  const hidden = (canvas: HTMLCanvasElement) =>
    drawn.has(canvas) && !canvas.isConnected && canvas.width * canvas.height > SMALL_AREA;

  const read = (canvas: HTMLCanvasElement) => {
    if (hidden(canvas)) report('canvas');
  };
  // Creating a context's interface costs Chromium time (several milliseconds for WebGL),
  // so a context's prototype is wrapped only once a page actually creates one.
  const UNMASKED_VENDOR = 0x9245;
  const UNMASKED_RENDERER = 0x9246;
  const hookContext = (proto: object, type: string) => {
    if (hooked.has(proto)) return;
    hooked.add(proto);
    if (type === '2d') {
      wrapMethod(proto, 'getImageData', (ctx: CanvasRenderingContext2D) => read(ctx.canvas));
      wrapSetter(proto, 'font', (_ctx, value) => {
        if (fonts.size >= FONT_SWEEP) return;
        fonts.add(String(value));
        if (fonts.size === FONT_SWEEP) report('fonts');
      });
    } else {
      wrapMethod(proto, 'getParameter', (_gl, pname) => {
        if (pname === UNMASKED_RENDERER || pname === UNMASKED_VENDOR) report('webgl');
      });
    }
  };
  wrapMethod(globalThis.HTMLCanvasElement?.prototype, 'getContext', undefined, (canvas: HTMLCanvasElement, type, context) => {
    if (!context || typeof type !== 'string') return;
    if (type === '2d') drawn.add(canvas);
    else if (!type.includes('webgl')) return;
    hookContext(Object.getPrototypeOf(context) as object, type === '2d' ? '2d' : 'webgl');
  });
  wrapMethod(globalThis.HTMLCanvasElement?.prototype, 'toDataURL', read);
  wrapMethod(globalThis.HTMLCanvasElement?.prototype, 'toBlob', read);
  wrapMethod(globalThis.OfflineAudioContext?.prototype, 'startRendering', () => report('audio'));
}
