import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { hideOwnFrames, isOurs, looksLike, onFirstGet, shadowUntilFirstCall, wrapGetter, wrapMethod, wrapSetter } from '@/utils/probe/native';

const toString = (f: unknown) => Function.prototype.toString.call(f);

class Thing {
  value = 41;
  add(a: number, b: number): number {
    return this.value + a + b;
  }
  fail(): never {
    throw new TypeError('Illegal invocation');
  }
  get size(): number {
    return this.value;
  }
  set label(v: string) {
    this.value = v.length;
  }
}

describe('wrapped page APIs look and behave like the originals', () => {
  it('a wrapped method keeps its name and length, returns what the original returns, and calls the hooks', () => {
    const proto = Thing.prototype;
    const original = proto.add;
    const seen: unknown[] = [];
    wrapMethod(proto, 'add', (self, a, b) => seen.push(['before', self instanceof Thing, a, b]), (_self, a, result) => seen.push(['after', a, result]));
    expect(proto.add).not.toBe(original);
    expect(proto.add.name).toBe('add');
    expect(proto.add.length).toBe(2);
    expect(new Thing().add(1, 2)).toBe(44);
    expect(seen).toEqual([['before', true, 1, 2], ['after', 1, 44]]);
    // The original gets exactly the arguments given: a call missing one fails as natively.
    const counts: number[] = [];
    const proto2 = { f(..._a: unknown[]) { counts.push(arguments.length); return counts.length; } };
    wrapMethod(proto2, 'f', () => undefined);
    proto2.f();
    proto2.f(1);
    proto2.f(1, 2, 3, 4, 5, 6, 7);
    expect(counts).toEqual([0, 1, 7]);
    // toString shows the original's source, also through the masked toString's own toString.
    expect(toString(proto.add)).toBe(toString(original));
    expect(toString(Function.prototype.toString)).toBe('function toString() { [native code] }');
    expect(isOurs(proto.add)).toBe(true);
    // Not constructible, like a native method.
    expect(() => new (proto.add as unknown as new () => object)()).toThrow(TypeError);
    expect(Object.prototype.hasOwnProperty.call(proto.add, 'prototype')).toBe(false);
  });

  it('a native method of another realm still reads as native code once wrapped', () => {
    const foreignArray = runInNewContext('Array.prototype') as unknown[] & { join: (s?: string) => string };
    const native = toString(foreignArray.join);
    wrapMethod(foreignArray, 'join', () => undefined);
    expect(toString(foreignArray.join)).toBe(native);
    expect(native).toContain('[native code]');
    expect(runInNewContext('[1, 2].join("-")')).toBe('1-2');
  });

  it("hooks that throw never reach the page; the original's own errors do, unchanged but for our frames", () => {
    const proto = Thing.prototype;
    wrapMethod(proto, 'fail', () => {
      throw new Error('hook bug');
    });
    let caught: unknown;
    try {
      new Thing().fail();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TypeError);
    expect((caught as Error).message).toBe('Illegal invocation');
    // The wrapper's frame (in native.ts) is gone; the test's own frame is still there.
    expect((caught as Error).stack).not.toContain('utils/probe/native.ts');
    expect((caught as Error).stack).toContain('probe-native.test.ts');
  });

  it('getters and setters: same value, same descriptor shape, hooks after/before', () => {
    const proto = Thing.prototype;
    const before = Object.getOwnPropertyDescriptor(proto, 'size')!;
    const reads: unknown[] = [];
    wrapGetter(proto, 'size', (_self, v) => {
      reads.push(v);
      throw new Error('hook bug');
    });
    const after = Object.getOwnPropertyDescriptor(proto, 'size')!;
    expect(after.get).not.toBe(before.get);
    expect(after.get!.name).toBe('get size');
    expect(after.get!.length).toBe(0);
    expect([after.enumerable, after.configurable, typeof after.set]).toEqual([before.enumerable, before.configurable, typeof before.set]);
    expect(toString(after.get)).toBe(toString(before.get));
    expect(new Thing().size).toBe(41);
    expect(reads).toEqual([41]);

    const sets: unknown[] = [];
    wrapSetter(proto, 'label', (_self, v) => sets.push(v));
    const t = new Thing();
    t.label = 'abc';
    expect(t.value).toBe(3);
    expect(sets).toEqual(['abc']);
    expect(Object.getOwnPropertyDescriptor(proto, 'label')!.set!.name).toBe('set label');
  });

  it('never wraps twice, and leaves what it cannot wrap alone', () => {
    const proto = Thing.prototype;
    const once = proto.add;
    wrapMethod(proto, 'add', () => undefined);
    expect(proto.add).toBe(once);
    const frozen = Object.freeze({ f() {} });
    expect(() => wrapMethod(frozen, 'f', () => undefined)).not.toThrow();
    expect(() => wrapMethod(undefined, 'f', () => undefined)).not.toThrow();
    expect(() => wrapGetter({ x: 1 }, 'x', () => undefined)).not.toThrow();
  });

  it('a proxy marked with looksLike shows its target\'s source', () => {
    function fbq() {
      return 'page';
    }
    const proxy = new Proxy(fbq, {});
    looksLike(proxy, fbq);
    expect(toString(proxy)).toBe(toString(fbq));
  });

  it('hideOwnFrames leaves frozen or odd errors alone', () => {
    expect(hideOwnFrames(Object.freeze(new Error('x'))).message).toBe('x');
    expect(hideOwnFrames(42)).toBe(42);
    expect(hideOwnFrames(null)).toBe(null);
  });

  it('shadows for hot calls: the first call is seen, then the object is as it was', () => {
    class Ctx {
      drawn: string[] = [];
      fillText(text: string, _x: number, _y: number) {
        this.drawn.push(text);
        return 'native';
      }
      strokeText(text: string) {
        this.drawn.push(`stroke ${text}`);
      }
    }
    const ctx = new Ctx();
    const before = Object.getOwnPropertyNames(ctx);
    const seen: unknown[] = [];
    shadowUntilFirstCall(ctx, Ctx.prototype, ['fillText', 'strokeText'], (self) => seen.push(self));
    expect(Object.getOwnPropertyNames(ctx)).toEqual([...before, 'fillText', 'strokeText']);
    expect(ctx.fillText.name).toBe('fillText');
    expect(ctx.fillText.length).toBe(3);
    expect(toString(ctx.fillText)).toBe(toString(Ctx.prototype.fillText));
    const cached = ctx.strokeText;
    expect(ctx.fillText('a', 0, 0)).toBe('native');
    expect(seen).toEqual([ctx]);
    expect(Object.getOwnPropertyNames(ctx)).toEqual(before);
    expect(ctx.fillText).toBe(Ctx.prototype.fillText);
    // A shadow the page kept still works, and is not seen again.
    cached.call(ctx, 'b');
    expect(ctx.drawn).toEqual(['a', 'stroke b']);
    expect(seen).toHaveLength(1);
  });

  it('work deferred to the first read of an accessor: done once, and the accessor is the original again', () => {
    const originalGet = function (this: { n: number }) {
      return this.n;
    };
    const target = { n: 7 };
    Object.defineProperty(target, 'navigator', { get: originalGet, enumerable: true, configurable: true });
    let installs = 0;
    const values: unknown[] = [];
    onFirstGet(target, 'navigator', (v) => (installs++, values.push(v)));
    expect(installs).toBe(0);
    const watching = Object.getOwnPropertyDescriptor(target, 'navigator')!;
    expect(watching.get).not.toBe(originalGet);
    expect(toString(watching.get)).toBe(toString(originalGet));
    expect((target as unknown as { navigator: number }).navigator).toBe(7);
    expect((target as unknown as { navigator: number }).navigator).toBe(7);
    expect(installs).toBe(1);
    // The hook is given what the original getter returned.
    expect(values).toEqual([7]);
    expect(Object.getOwnPropertyDescriptor(target, 'navigator')).toEqual({ get: originalGet, set: undefined, enumerable: true, configurable: true });
    // Nothing to watch: the work is done at once.
    let now = 0;
    onFirstGet(Object.freeze({ x: 1 }), 'x', () => now++);
    expect(now).toBe(1);
  });
});
