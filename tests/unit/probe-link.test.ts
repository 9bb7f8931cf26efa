import { describe, expect, it } from 'vitest';
import { CallLog, liveWrapper } from '@/utils/probe/calls';
import { ElementHooks } from '@/utils/probe/element-hooks';
import { isOurs } from '@/utils/probe/native';
import { TapLine, type TapKind } from '@/utils/probe/taps';
import { scriptOf } from '@/utils/probe/caller';
import { MAX_LINKS, offerLink, READER_LINK_EVENT, requestLink, type ReaderLink, type SeenCall } from '@/utils/probe/reader-link';

/** A window with just what ElementHooks looks at: Document's createElement(NS) and Element's localName. */
function fakeWindow() {
  class Element {
    constructor(readonly tag: string) {}
    get localName(): string {
      return this.tag;
    }
  }
  class Document {
    createElement(tag: string) {
      return new Element(tag.toLowerCase());
    }
    createElementNS(_ns: string, tag: string) {
      return new Element(tag);
    }
  }
  return { Document, Element } as unknown as typeof globalThis & Record<string, any>;
}

describe('element hooks wait for the page to make elements', () => {
  it('installs html hooks at the first HTML element, tag hooks at their tag, each once, html first', () => {
    const w = fakeWindow();
    const hooks = new ElementHooks(w);
    const order: string[] = [];
    hooks.when('canvas', () => order.push('canvas'));
    hooks.when('html', () => order.push('html'));
    hooks.when('script', () => order.push('script'));
    const doc = new w.Document();
    expect(order).toEqual([]);
    doc.createElement('CANVAS');
    expect(order).toEqual(['html', 'canvas']);
    doc.createElement('canvas');
    doc.createElement('div');
    expect(order).toEqual(['html', 'canvas']);
    hooks.installAll();
    expect(order).toEqual(['html', 'canvas', 'script']);
    hooks.installAll();
    expect(order).toHaveLength(3);
  });

  it('an SVG element is no HTML element; an XHTML one made with createElementNS is', () => {
    const w = fakeWindow();
    const hooks = new ElementHooks(w);
    const order: string[] = [];
    hooks.when('html', () => order.push('html'));
    const doc = new w.Document();
    doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    expect(order).toEqual([]);
    doc.createElementNS('http://www.w3.org/1999/xhtml', 'span');
    expect(order).toEqual(['html']);
  });

  it('a hook that throws does not stop the others, nor the page', () => {
    const w = fakeWindow();
    const hooks = new ElementHooks(w);
    const order: string[] = [];
    hooks.when('html', () => {
      throw new Error('boom');
    });
    hooks.when('html', () => order.push('second'));
    expect(new w.Document().createElement('p').localName).toBe('p');
    expect(order).toEqual(['second']);
  });
});

describe('the call log keeps calls for the reader', () => {
  it('keeps calls until a listener comes, gives it them in order, then each new one', () => {
    const log = new CallLog();
    log.note('fbq', ['init', '123']);
    log.note('twq', ['config', 'abc']);
    const heard: string[] = [];
    log.listen((c) => heard.push(c.tag));
    expect(heard).toEqual(['fbq', 'twq']);
    log.note('snaptr', ['init']);
    expect(heard).toEqual(['fbq', 'twq', 'snaptr']);
  });

  it('keeps at most 200 calls, for every listener whenever it comes; a throwing listener harms no one', () => {
    const log = new CallLog();
    for (let i = 0; i < 10_000; i++) log.note('fbq', [i]);
    const heard: SeenCall[] = [];
    // A page that asked for a link first does not take the calls from the reader.
    log.listen(() => {
      throw new Error('hostile');
    });
    log.listen((c) => heard.push(c));
    expect(heard).toHaveLength(200);
    expect(heard[199]!.args[0]).toBe(199);
    log.note('fbq', ['late']);
    expect(heard.at(-1)!.args[0]).toBe('late');
  });

  it('wraps a live function so that calls and constructions are noted, and the function still works', () => {
    const log = new CallLog();
    const seen: SeenCall[] = [];
    log.listen((c) => seen.push(c));
    class UET {
      constructor(readonly o: { ti: string }) {}
    }
    const w = { UET, lintrk: (a: string) => `done ${a}` } as unknown as typeof globalThis & Record<string, any>;
    const wrapLive = liveWrapper(w, log);
    wrapLive();
    wrapLive(); // not wrapped twice
    expect(isOurs(w.UET)).toBe(true);
    expect(new w.UET({ ti: '5' }).o.ti).toBe('5');
    expect(w.lintrk('x')).toBe('done x');
    expect(seen.map((c) => [c.tag, c.args[0]])).toEqual([
      ['UET', { ti: '5' }],
      ['lintrk', 'x'],
    ]);
  });
});

describe('the link between the probe and the reader', () => {
  const link: ReaderLink = { send: () => undefined, onCall: () => undefined, wrapLive: () => undefined, installAll: () => undefined, connect: () => undefined };

  it('the reader gets the probe link; without a probe, none', () => {
    expect(requestLink(new EventTarget() as Document)).toBeUndefined();
    const doc = new EventTarget() as Document;
    offerLink(link, EventTarget.prototype.addEventListener, doc);
    expect(requestLink(doc)).toBe(link);
  });

  it('is given at most MAX_LINKS times, so forged requests cannot cost the probe without bound', () => {
    const doc = new EventTarget() as Document;
    offerLink(link, EventTarget.prototype.addEventListener, doc);
    let given = 0;
    for (let i = 0; i < 100; i++) doc.dispatchEvent(new CustomEvent(READER_LINK_EVENT, { detail: () => given++ }));
    expect(given).toBe(MAX_LINKS);
    // A request whose detail is no function, or throws, is ignored.
    doc.dispatchEvent(new CustomEvent(READER_LINK_EVENT, { detail: '<img src=x onerror=alert(1)>' }));
    expect(requestLink(doc)).toBeUndefined();
  });
});

describe('the tap line from the hooks to the reader', () => {
  type Heard = [TapKind, unknown, unknown, unknown, unknown];
  const sinkInto = (out: Heard[]) => (kind: TapKind, self: unknown, a: unknown, b: unknown, stack?: unknown) => void out.push([kind, self, a, b, stack]);

  it('keeps taps with the stack they were made from, and hands them to the reader in order, then each new one without', () => {
    const line = new TapLine(() => '');
    function pageScript() {
      line.tap('read', 'canvas');
    }
    pageScript();
    line.tap('audio', 'ctx', 'oscillator');
    const heard: Heard[] = [];
    line.connect(sinkInto(heard));
    expect(heard.map((h) => h[0])).toEqual(['read', 'audio']);
    // The kept stack names the script that called, as a fresh one would have then.
    const frames = heard[0]![4] as { getFunctionName(): string | null }[];
    expect(frames.map((f) => f.getFunctionName())).toContain('pageScript');
    expect(scriptOf(frames)).toBeUndefined(); // a test file is no page script
    // Audio nodes need no stack: none was taken.
    expect(heard[1]![4]).toBeNull();
    line.tap('webgl', 'gl', 0x9246);
    expect(heard[2]).toEqual(['webgl', 'gl', 0x9246, undefined, undefined]);
  });

  it('keeps device reads once per value, layout reads in a burst once per font family with it, value reads not at all', () => {
    const line = new TapLine((el) => (el as { family: string }).family);
    for (let i = 0; i < 50; i++) line.tap('device', 'nav', 'platform');
    // Twenty layout reads are no burst; then elements without a family are not kept, and a
    // family only once (a burst of the same few families is a layout loop, not looked at
    // any further: font-family.ts).
    for (let i = 0; i < 25; i++) line.tap('measure', { family: '' });
    for (let i = 0; i < 3; i++) line.tap('measure', { family: 'Arial' });
    line.tap('value', 'field');
    const heard: Heard[] = [];
    line.connect(sinkInto(heard));
    expect(heard.map((h) => `${h[0]} ${String(h[2])}`)).toEqual(['device platform', 'measure Arial']);

    // A font sweep during parsing: every family after the first twenty reads is kept.
    const sweep = new TapLine((el) => (el as { family: string }).family);
    for (let i = 0; i < 60; i++) sweep.tap('measure', { family: `Font ${i}` });
    const swept: Heard[] = [];
    sweep.connect(sinkInto(swept));
    expect(swept.map((h) => h[2])).toEqual(Array.from({ length: 40 }, (_, i) => `Font ${i + 20}`));

    const flooded = new TapLine(() => '');
    for (let i = 0; i < 10_000; i++) flooded.tap('read', i);
    const all: Heard[] = [];
    flooded.connect(sinkInto(all));
    expect(all).toHaveLength(400);
  });

  it('every reader connected hears the kept taps and the new ones; a sink that throws stops no other', () => {
    const line = new TapLine(() => '');
    line.tap('read', 'early');
    line.connect(() => {
      throw new Error('a page\'s forged sink');
    });
    const heard: Heard[] = [];
    line.connect(sinkInto(heard));
    line.tap('read', 'late');
    expect(heard.map((h) => h[1])).toEqual(['early', 'late']);
  });
});
