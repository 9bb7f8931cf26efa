import { describe, expect, it } from 'vitest';
import { fromOtherHost, hostOf, isAttributable, scriptFromCallSites, scriptFromStack, type CallSiteLike } from '@/utils/engine/stack';
import { AudioRule } from '@/utils/probe/audio-rule';
import { callerScript } from '@/utils/probe/caller';
import { CanvasRule } from '@/utils/probe/canvas-rule';
import { fontFamilyOf, MeasureBurst } from '@/utils/probe/font-family';
import { Sweep } from '@/utils/probe/sweep';

const A = 'https://fp.vendor-a.example/fp.js';
const B = 'https://cdn.vendor-b.example/b.js';

/** A caller that says whichever script the test says is running, and counts the stacks taken. */
function fakeCaller(first: string | undefined = A) {
  const c = { script: first, stacks: 0, fn: () => (c.stacks++, c.script) };
  return c;
}

/** Timers that run when the test moves time on; like setTimeout, they throw when called on an object. */
function fakeTimers() {
  let now = 0;
  const due: { at: number; fn: () => void }[] = [];
  const later = function (this: unknown, fn: () => void, ms: number) {
    if (this !== undefined) throw new TypeError('Illegal invocation');
    due.push({ at: now + ms, fn });
  };
  const advance = (ms: number) => {
    now += ms;
    for (let t = due.findIndex((d) => d.at <= now); t !== -1; t = due.findIndex((d) => d.at <= now)) due.splice(t, 1)[0]!.fn();
  };
  return { later, advance };
}

describe('sweeps: one script reading many distinct values in a short window', () => {
  const opts = { gate: 3, threshold: 4, windowMs: 1000, maxStacks: 20 };

  it('reports the script that reads past the gate, once, and costs no stack before the gate', () => {
    const caller = fakeCaller();
    const reports: string[] = [];
    const s = new Sweep(opts, fakeTimers().later, caller.fn, (x) => reports.push(x));
    for (const v of ['a', 'b', 'c']) s.note(v);
    expect(caller.stacks).toBe(0);
    for (const v of ['d', 'e', 'f']) s.note(v);
    expect(reports).toEqual([]);
    s.note('g');
    expect(reports).toEqual([A]);
    for (const v of ['h', 'i']) s.note(v);
    expect(reports).toEqual([A]);
    // Reading the same value again costs nothing more.
    const stacks = caller.stacks;
    s.note('h');
    expect(caller.stacks).toBe(stacks);
  });

  it('counts per script: two scripts sharing the window are each judged on what they read', () => {
    const caller = fakeCaller();
    const reports: string[] = [];
    const s = new Sweep(opts, fakeTimers().later, caller.fn, (x) => reports.push(x));
    for (const v of ['a', 'b', 'c']) s.note(v);
    caller.script = B;
    for (const v of ['b1', 'b2', 'b3']) s.note(v);
    caller.script = A;
    for (const v of ['a1', 'a2']) s.note(v);
    expect(reports).toEqual([]);
    caller.script = B;
    s.note('b4');
    expect(reports).toEqual([B]);
    caller.script = A;
    s.note('a3');
    s.note('a4');
    expect(reports).toEqual([B, A]);
  });

  it('reads spread over time are no sweep', () => {
    const timers = fakeTimers();
    const caller = fakeCaller();
    const reports: string[] = [];
    const s = new Sweep(opts, timers.later, caller.fn, (x) => reports.push(x));
    for (let i = 0; i < 40; i++) {
      s.note(`v${i}`);
      timers.advance(400); // a window holds at most three reads
    }
    expect(reports).toEqual([]);
    expect(caller.stacks).toBe(0);
    // The same reads without time passing are a sweep.
    for (let i = 0; i < 40; i++) s.note(`w${i}`);
    expect(reports).toEqual([A]);
  });

  it('takes at most maxStacks stacks over the page\'s life', () => {
    const timers = fakeTimers();
    const caller = fakeCaller(undefined);
    const s = new Sweep(opts, timers.later, caller.fn, () => undefined);
    for (let w = 0; w < 50; w++, timers.advance(2000)) for (let i = 0; i < 30; i++) s.note(`w${w}v${i}`);
    expect(caller.stacks).toBe(opts.maxStacks);
  });
});

describe('canvas: a write and a read larger than 16×16 by the same script', () => {
  it('reports a hidden canvas another host\'s script created, wrote text on and read back', () => {
    const caller = fakeCaller();
    const reports: string[] = [];
    const rule = new CanvasRule(caller.fn, (x) => reports.push(x));
    const ctx = {};
    rule.created(ctx, A, true);
    rule.wrote(ctx);
    rule.wrote(ctx);
    expect(caller.stacks).toBe(1);
    rule.read(ctx, 240, 60, false);
    expect(reports).toEqual([A]);
  });
  it('ignores tiny reads, canvases shown in the page, reads by another script, and watched canvases nobody wrote text on', () => {
    const caller = fakeCaller();
    const reports: string[] = [];
    const rule = new CanvasRule(caller.fn, (x) => reports.push(x));
    const ctx = {};
    rule.read(ctx, 300, 150, false); // a context we never saw made
    rule.created(ctx, A, true);
    rule.read(ctx, 300, 150, false); // an image resized, no text: not a fingerprint
    rule.wrote(ctx);
    rule.read(ctx, 1, 1, false); // getImageData(0, 0, 1, 1)
    rule.read(ctx, 16, 300, false); // 16 wide is not larger than 16
    rule.read(ctx, 300, 150, true); // a chart in the page, exported
    rule.read(undefined, 300, 150, false);
    caller.script = B; // a replay or screenshot script copying the drawing
    rule.read(ctx, 300, 150, false);
    rule.read(ctx, -300, -150, false);
    expect(reports).toEqual([]);
    caller.script = A;
    rule.read(ctx, -300, -150, false); // getImageData accepts negative sizes
    expect(reports).toEqual([A]);
  });
  it('on the page\'s own contexts, and past the budget of stacks, the creator stands for the writer', () => {
    const PAGE = 'https://www.shop.example/checkout';
    const caller = fakeCaller(PAGE);
    const reports: string[] = [];
    const rule = new CanvasRule(caller.fn, (x) => reports.push(x));
    const own = {};
    rule.created(own, PAGE, false);
    rule.wrote(own); // not watched: no stack
    expect(caller.stacks).toBe(0);
    caller.script = B;
    rule.read(own, 100, 100, false); // another script reads the page's canvas
    expect(reports).toEqual([]);
    caller.script = PAGE;
    rule.read(own, 100, 100, false); // the page fingerprints itself: reported, as first party
    const unknown = {};
    rule.created(unknown, undefined, false);
    caller.script = B;
    rule.read(unknown, 100, 100, false);
    expect(reports).toEqual([PAGE, B]);
  });
});

describe('audio: oscillator with a compressor or analyser, read back', () => {
  it('reports the pattern on offline and realtime contexts, once per context', () => {
    const caller = fakeCaller();
    const reports: string[] = [];
    const rule = new AudioRule(caller.fn, (x) => reports.push(x));
    const offline = {};
    rule.created(offline, 'oscillator');
    rule.created(offline, 'compressor');
    rule.readBack(offline);
    const realtime = {};
    rule.created(realtime, 'analyser');
    rule.created(realtime, 'oscillator');
    caller.script = B;
    rule.readBack(realtime);
    rule.readBack(realtime);
    expect(reports).toEqual([A, B]);
    expect(caller.stacks).toBe(2);
  });
  it('playing or decoding sound is not fingerprinting', () => {
    const caller = fakeCaller();
    const reports: string[] = [];
    const rule = new AudioRule(caller.fn, (x) => reports.push(x));
    const music = {};
    rule.created(music, 'analyser'); // a visualiser on a media element
    rule.readBack(music);
    const synth = {};
    rule.created(synth, 'oscillator'); // a tone, nothing read back
    rule.readBack(undefined);
    const decoder = {};
    rule.readBack(decoder); // an offline render of a decoded buffer
    expect(reports).toEqual([]);
    expect(caller.stacks).toBe(0);
  });
});

describe('fonts', () => {
  it('keeps the family of a font shorthand, lower-cased', () => {
    expect(fontFamilyOf("italic bold 72px/1.2 'Arial Black', monospace")).toBe("'arial black', monospace");
    expect(fontFamilyOf('10px sans-serif')).toBe('sans-serif');
    expect(fontFamilyOf('"Segoe UI", serif')).toBe('"segoe ui", serif');
    expect(fontFamilyOf(42)).toBe('');
    expect(fontFamilyOf('x'.repeat(10_000)).length).toBe(300);
  });
  it('measurements are looked at only in bursts, and no longer once they repeat the same families', () => {
    const timers: (() => void)[] = [];
    // Like setTimeout, which throws "Illegal invocation" when called on another object.
    const later = function (this: unknown, fn: () => void) {
      if (this !== undefined) throw new TypeError('Illegal invocation');
      timers.push(fn);
    };
    const burst = new MeasureBurst(3, 1000, later);
    expect([burst.hit(), burst.hit(), burst.hit()]).toEqual([false, false, false]);
    expect(burst.hit()).toBe(true);
    // A layout loop: the same family over and over.
    for (let i = 0; i < 100; i++) {
      burst.hit();
      burst.saw('sans-serif');
    }
    expect(burst.hit()).toBe(false);
    // The window ends: counting starts again.
    timers.shift()!();
    for (let i = 0; i < 3; i++) burst.hit();
    expect(burst.hit()).toBe(true);
    for (let i = 0; i < 200; i++) {
      burst.hit();
      burst.saw(`'font ${i}', monospace`);
    }
    expect(burst.hit()).toBe(true);
  });
});

describe('stack attribution', () => {
  const ext = '    at HTMLCanvasElement.toDataURL (chrome-extension://abcdef/content-scripts/probe.js:1:999)';
  it('code run by eval or new Function belongs to the script that ran it', () => {
    expect(scriptFromStack(`Error\n${ext}\n    at eval (eval at fp (https://cdn.fp.example/loader.js:1:200), <anonymous>:1:1)\n    at fp (https://cdn.fp.example/loader.js:1:210)`)).toBe(
      'https://cdn.fp.example/loader.js',
    );
    expect(scriptFromStack(`Error\n${ext}\n    at eval (eval at <anonymous> (eval at run (https://cdn.fp.example/l.js:3:4)), <anonymous>:1:1)`)).toBe('https://cdn.fp.example/l.js');
    expect(scriptFromStack('toDataURL@moz-extension://x/probe.js:1:2\nfp@https://cdn.fp.example/loader.js line 2 > eval:1:1\n')).toBe('https://cdn.fp.example/loader.js');
  });
  it('a blob: script or an about:blank inline script is reported, attributed to no one', () => {
    const blob = scriptFromStack(`Error\n${ext}\n    at fp (blob:https://www.shop.example/0f1e2d3c-aaaa-bbbb-cccc-0123456789ab:1:99)`);
    expect(blob).toBe('blob:https://www.shop.example');
    expect(isAttributable(blob!)).toBe(false);
    expect(scriptFromStack('fp@blob:https://www.shop.example/uuid:1:2')).toBe('blob:https://www.shop.example');
    expect(scriptFromStack(`Error\n${ext}\n    at about:srcdoc:3:5`)).toBe('about:srcdoc');
    expect(isAttributable('https://a.example/x.js')).toBe(true);
  });
  it('skips built-ins and the extension, and gives up on a stack with no page frame', () => {
    expect(scriptFromStack(`Error\n${ext}\n    at Array.forEach (<anonymous>)\n    at https://www.page.example/:20:5`)).toBe('https://www.page.example/');
    expect(scriptFromStack(`Error\n${ext}\n    at <anonymous>:1:1`)).toBeUndefined();
  });
});

describe('stack attribution from V8\'s structured frames', () => {
  /** A frame as V8 hands it to Error.prepareStackTrace: a script name, or for eval code none and an origin. */
  const site = (name: string | null, evalOrigin?: string): CallSiteLike => ({
    getScriptNameOrSourceURL: () => name,
    isEval: () => evalOrigin !== undefined,
    getEvalOrigin: () => evalOrigin,
  });
  const ext = site('chrome-extension://abcdef/content-scripts/probe.js');
  it('gives what the formatted stack of the same frames gives', () => {
    const cases: [CallSiteLike[], string][] = [
      [[ext, ext, site('https://cdn.fp.example/fp.min.js?v=3')], '    at fp (https://cdn.fp.example/fp.min.js?v=3:1:200)'],
      [[ext, site(null), site('https://www.page.example/')], '    at Array.forEach (<anonymous>)\n    at https://www.page.example/:20:5'],
      [[ext, site(null, 'eval at fp (https://cdn.fp.example/loader.js:1:200)')], '    at eval (eval at fp (https://cdn.fp.example/loader.js:1:200), <anonymous>:1:1)'],
      [[ext, site(null, 'eval at <anonymous> (eval at run (https://cdn.fp.example/l.js:3:4))')], '    at eval (eval at <anonymous> (eval at run (https://cdn.fp.example/l.js:3:4)), <anonymous>:1:1)'],
      [[ext, site('blob:https://www.shop.example/0f1e2d3c-aaaa-bbbb-cccc-0123456789ab')], '    at fp (blob:https://www.shop.example/0f1e2d3c-aaaa-bbbb-cccc-0123456789ab:1:99)'],
      [[ext, site('about:srcdoc')], '    at about:srcdoc:3:5'],
      [[ext, site('about:blank?x#y')], '    at about:blank?x#y:3:5'],
      [[ext, site('https://h.example:8443/p:5')], '    at https://h.example:8443/p:5:1:2'],
      // A sourceURL that is no URL names nothing; the frame after it does.
      [[ext, site('webpack://app/x.js'), site('https://www.page.example/app.js')], '    at x (webpack://app/x.js:1:1)\n    at https://www.page.example/app.js:2:2'],
    ];
    for (const [sites, lines] of cases) {
      const stack = `Error\n    at targetlensMethod (chrome-extension://abcdef/content-scripts/probe.js:1:999)\n${lines}`;
      expect(scriptFromCallSites(sites)).toBe(scriptFromStack(stack));
      expect(scriptFromCallSites(sites)).toBeDefined();
    }
    expect(scriptFromCallSites([ext, site(null), site('')])).toBeUndefined();
    expect(scriptFromCallSites([])).toBeUndefined();
  });
  it('the host of a script, and whether it is the page\'s own', () => {
    for (const url of ['https://cdn.fp.example/fp.js?x=1', 'https://cdn.fp.example:8443/a', 'http://a.example', 'https://u:p@a.example/x', 'wss://a.example/s#h', 'https://a.example?q']) {
      expect(hostOf(url)).toBe(new URL(url).host);
    }
    expect(fromOtherHost('https://www.shop.example/app.js', 'www.shop.example')).toBe(false);
    expect(fromOtherHost('https://cdn.fp.example/fp.js', 'www.shop.example')).toBe(true);
    expect(fromOtherHost('https://www.shop.example:8443/app.js', 'www.shop.example')).toBe(true);
    expect(fromOtherHost('blob:https://www.shop.example', 'www.shop.example')).toBe(true);
    expect(fromOtherHost('about:srcdoc', 'www.shop.example')).toBe(false);
  });
});

describe('taking a stack inside the page', () => {
  it('works whatever Error.stackTraceLimit and Error.prepareStackTrace the page set, and puts them back', () => {
    const E = Error as unknown as { stackTraceLimit: number; prepareStackTrace?: unknown };
    const limit = E.stackTraceLimit;
    const prepare = (_e: unknown, frames: unknown[]) => frames.length;
    try {
      E.stackTraceLimit = 0;
      E.prepareStackTrace = prepare;
      // In node the frames are file paths, not URLs: nothing to attribute, but no error either.
      expect(() => callerScript()).not.toThrow();
      expect(E.stackTraceLimit).toBe(0);
      expect(E.prepareStackTrace).toBe(prepare);
      // A page that set no formatter finds none afterwards, not even an empty property.
      delete E.prepareStackTrace;
      callerScript();
      expect(Object.prototype.hasOwnProperty.call(E, 'prepareStackTrace')).toBe(false);
      E.prepareStackTrace = prepare;
      expect(typeof new Error().stack).toBe('number'); // the page's own formatter still applies to its errors
    } finally {
      E.stackTraceLimit = limit;
      E.prepareStackTrace = undefined;
    }
  });
});
