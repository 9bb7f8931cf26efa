import { scriptFromStack } from '../engine/stack';
import type { ProbeFinding } from '../probe-schema';
import { emit } from './emit';
import { wrapMethod } from './native';

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
 * and read back; WebGL's unmasked renderer or vendor; offline audio rendering; measuring
 * text in many fonts. Every wrapper calls the original and returns its result as is.
 */
export function watchFingerprinting(): void {
  const written = new WeakSet<object>();
  const fonts = new Set<string>();
  const c2d = globalThis.CanvasRenderingContext2D?.prototype;
  for (const name of ['fillText', 'strokeText']) {
    wrapMethod(c2d, name, (original) =>
      function (this: CanvasRenderingContext2D, ...args) {
        try {
          written.add(this.canvas);
        } catch {
          /* ignore */
        }
        return original.apply(this, args);
      },
    );
  }
  wrapMethod(c2d, 'getImageData', (original) =>
    function (this: CanvasRenderingContext2D, ...args) {
      try {
        if (written.has(this.canvas) && Math.abs(Number(args[2]) * Number(args[3])) > SMALL_AREA) report('canvas');
      } catch {
        /* ignore */
      }
      return original.apply(this, args);
    },
  );
  wrapMethod(c2d, 'measureText', (original) =>
    function (this: CanvasRenderingContext2D, ...args) {
      try {
        if (fonts.size < FONT_SWEEP) {
          fonts.add(String(this.font));
          if (fonts.size === FONT_SWEEP) report('fonts');
        }
      } catch {
        /* ignore */
      }
      return original.apply(this, args);
    },
  );
  const read = (original: (...a: unknown[]) => unknown) =>
    function (this: HTMLCanvasElement, ...args: unknown[]) {
      try {
        if (written.has(this) && this.width * this.height > SMALL_AREA) report('canvas');
      } catch {
        /* ignore */
      }
      return original.apply(this, args);
    };
  wrapMethod(globalThis.HTMLCanvasElement?.prototype, 'toDataURL', read);
  wrapMethod(globalThis.HTMLCanvasElement?.prototype, 'toBlob', read);

  const UNMASKED_VENDOR = 0x9245;
  const UNMASKED_RENDERER = 0x9246;
  for (const gl of [globalThis.WebGLRenderingContext, globalThis.WebGL2RenderingContext]) {
    wrapMethod(gl?.prototype, 'getParameter', (original) =>
      function (this: WebGLRenderingContext, ...args) {
        if (args[0] === UNMASKED_RENDERER || args[0] === UNMASKED_VENDOR) report('webgl');
        return original.apply(this, args);
      },
    );
  }
  wrapMethod(globalThis.OfflineAudioContext?.prototype, 'startRendering', (original) =>
    function (this: OfflineAudioContext, ...args) {
      report('audio');
      return original.apply(this, args);
    },
  );
}
