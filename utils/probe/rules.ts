import { AudioRule } from './audio-rule';
import { callerScript, scriptOf } from './caller';
import { CanvasRule } from './canvas-rule';
import { emit } from './emit';
import { fontFamilyOf, inlineFamily, MeasureBurst } from './font-family';
import { isTextField, isTypingTarget, KeyLogRule } from './keylog-rule';
import { otherHost, pageHost } from './page-host';
import { reportFingerprint } from './report';
import { KEY_RECHECKS_MS } from './schedule';
import { Sweep } from './sweep';
import type { TapSink } from './taps';

type Win = typeof globalThis & Record<string, any>;

const later = setTimeout;

/**
 * The reader's side of the probe's hooks (hooks.ts): what each call means, by the
 * research's definitions. Each finding is attributed to the calling script from a stack,
 * taken only when a rule fires; for calls the probe kept from before the reader came, the
 * stack it took then stands in.
 * - canvas: text written and read back over more than 16×16 by the same script, on a
 *   canvas not shown in the document (2D canvas and OffscreenCanvas; canvas-rule.ts);
 * - WebGL: the unmasked renderer or vendor queried;
 * - audio: an oscillator with a compressor or analyser, read back;
 * - fonts: one script measuring many font families (span widths; text on a canvas,
 *   seen by the fonts it sets; document.fonts.check);
 * - navigator: one script reading many device properties of navigator and screen;
 * - key logging: a script from another host listening to what people type into fields, or
 *   reading what they typed, before anything is submitted (keylog-rule.ts).
 */
export function judgeTaps(w: Win = globalThis as Win): TapSink {
  // Who called: from the kept stack while the backlog is judged, else a fresh one.
  let kept: unknown;
  const caller = () => (kept !== undefined ? scriptOf(kept) : callerScript());
  const canvas = new CanvasRule(caller, (s) => reportFingerprint('canvas', s));
  const audio = new AudioRule(caller, (s) => reportFingerprint('audio', s));
  const fonts = new Sweep({ gate: 5, threshold: 30, windowMs: 2000, maxStacks: 300 }, later, caller, (s) => reportFingerprint('fonts', s));
  const device = new Sweep({ gate: 6, threshold: 10, windowMs: 1000, maxStacks: 60 }, later, caller, (s) => reportFingerprint('navigator', s));
  const keys = new KeyLogRule(pageHost, caller, (script, event) => emit({ kind: 'keylogging', script, event }), (t) => isTextField(t, w));
  const textBurst = new MeasureBurst(20, 1000, later);
  const boxBurst = new MeasureBurst(20, 1000, later);

  // Who made each 2D context (the probe took it), and whether that was another host's
  // script, whose first text write on it is then who wrote (canvas-rule.ts).
  const contextOf = new WeakMap<object, object>();
  const shown = (c: unknown) => (c as { isConnected?: unknown } | undefined)?.isConnected === true;
  const onContext = (target: object, context: object, creator: string | undefined) => {
    canvas.created(context, creator, !!creator && otherHost(creator));
    contextOf.set(target, context);
  };
  // Layout code reads widths all the time: the common case is one call and a compare.
  const measured = (el: HTMLElement) => {
    if (!boxBurst.hit()) return;
    const family = inlineFamily(el);
    const f = family ? fontFamilyOf(family) : '';
    boxBurst.saw(f);
    if (f) fonts.note(f);
  };

  // Taps kept from before the reader came (`kept`) were already looked at in their burst,
  // and a kept layout read carries its element's font family.
  const judge: TapSink = (kind, self, a, b) => {
    switch (kind) {
      case 'measure':
        if (kept !== undefined) return fonts.note(fontFamilyOf(a));
        return measured(self as HTMLElement);
      case 'device':
        return device.note(String(a));
      case 'listen':
      case 'handler':
        return keys.listener(self, String(a), isTypingTarget(self, w));
      case 'context':
        return onContext(self as object, a as object, typeof b === 'string' ? b : undefined);
      case 'read': {
        const c = self as HTMLCanvasElement;
        return canvas.read(contextOf.get(c), c.width, c.height, shown(c));
      }
      case 'image':
        return canvas.read(self as object, Number(a), Number(b), shown((self as CanvasRenderingContext2D).canvas));
      case 'wrote':
        return canvas.wrote(self as object);
      case 'font': {
        if (kept !== undefined) return fonts.note(fontFamilyOf(a));
        if (!textBurst.hit()) return;
        const family = fontFamilyOf(a);
        textBurst.saw(family);
        return fonts.note(family);
      }
      case 'fontcheck':
        return fonts.note(fontFamilyOf(a));
      case 'webgl':
        return reportFingerprint('webgl', caller());
      case 'audio':
        return audio.created(self as object, a as 'oscillator');
      case 'audio-read':
        return audio.readBack(self as object);
      case 'typed':
        return keys.typed(self);
      case 'submit':
        return keys.submitting();
      case 'value':
        return keys.valueRead(self as object);
    }
  };

  // Elements that held no field yet when a script listened on them: looked at again once
  // the page is built, after its own load handlers, and a little later.
  const recheck = (last: boolean) => {
    try {
      keys.recheck((t) => isTypingTarget(t, w), last);
    } catch {
      /* never disturb the page */
    }
  };
  const onLoad = () => {
    const n = KEY_RECHECKS_MS.length;
    for (let i = 0; i < n; i++) later(() => recheck(i === n - 1), KEY_RECHECKS_MS[i]);
  };
  try {
    if (w.document.readyState === 'complete') onLoad();
    else w.addEventListener('load', onLoad, { once: true });
  } catch {
    /* never disturb the page */
  }

  return (kind, self, a, b, stack) => {
    kept = stack === undefined ? undefined : stack;
    try {
      judge(kind, self, a, b);
    } catch {
      /* hostile or exotic arguments: skip this call */
    } finally {
      kept = undefined;
    }
  };
}
