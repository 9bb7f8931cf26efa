/**
 * Wrapping page APIs without the page noticing: a wrapper has the original's name and
 * length, is not constructible (like native methods), Function.prototype.toString shows
 * the original's native source for it, and an error the original throws reaches the page
 * without the probe's own frames in its stack.
 */
const originals = new WeakMap<object, object>();
const nativeToString = Function.prototype.toString;
const defineProperty = Object.defineProperty;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const apply = Reflect.apply;

/**
 * The script our code runs from (chrome-extension://<id>/content-scripts/probe.js, where
 * the whole probe is one bundle), as stack lines name it: read from our own stack.
 */
const OWN_PREFIX = ((): string | undefined => {
  try {
    for (const line of String(new Error().stack).split('\n')) {
      const m = /(?:\(|@|at )((?:[a-z-]+:\/\/|\/)[^\s()]+?):\d+(?::\d+)?\)?$/.exec(line.trim());
      if (m) return m[1];
    }
  } catch {
    /* no stack: nothing to hide */
  }
  return undefined;
})();

function maskToString(): void {
  const toString = {
    toString(this: unknown) {
      try {
        return apply(nativeToString, (typeof this === 'function' && originals.get(this)) || this, []);
      } catch (e) {
        throw hideOwnFrames(e);
      }
    },
  }.toString;
  originals.set(toString, nativeToString);
  defineProperty(Function.prototype, 'toString', { ...getOwnPropertyDescriptor(Function.prototype, 'toString'), value: toString });
}
maskToString();

/**
 * Removes the probe's frames from the stack of an error on its way to the page, so that
 * an exception thrown by a native API through a wrapper looks as if nothing were between.
 * Returns the error, for `throw hideOwnFrames(e)`.
 */
export function hideOwnFrames<T>(e: T): T {
  if (!OWN_PREFIX) return e;
  try {
    if (e && typeof e === 'object') {
      const stack = (e as { stack?: unknown }).stack;
      if (typeof stack === 'string' && stack.includes(OWN_PREFIX)) {
        (e as { stack?: unknown }).stack = stack
          .split('\n')
          .filter((line) => !line.includes(OWN_PREFIX))
          .join('\n');
      }
    }
  } catch {
    /* a frozen or exotic error: leave it */
  }
  return e;
}

type AnyFn = (this: any, ...args: any[]) => any;

/**
 * Replaces `proto[name]` with a wrapper that calls `before(this, a0, a1, a2, a3)`, then
 * the original, then `after(this, a0, result)`, and returns the original's result as is.
 * The hooks run on every call a page makes, so the wrapper passes arguments one by one
 * rather than through an arguments object; the methods we wrap are Web IDL operations,
 * for which a trailing `undefined` is the same as an argument left out. The hooks never
 * throw into the page.
 */
export function wrapMethod<T extends object>(
  proto: T | undefined,
  name: string,
  before: ((self: any, a0: unknown, a1: unknown, a2: unknown, a3: unknown) => void) | undefined,
  after?: (self: any, a0: unknown, result: unknown) => void,
): void {
  try {
    if (!proto) return;
    const desc = getOwnPropertyDescriptor(proto, name);
    const original = desc?.value as AnyFn | undefined;
    if (typeof original !== 'function' || originals.has(original)) return;
    const wrapper = {
      [name](this: unknown, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown, a4?: unknown) {
        if (before) {
          try {
            before(this, a0, a1, a2, a3);
          } catch {
            /* ignore */
          }
        }
        let result: unknown;
        try {
          result = arguments.length > 5 ? apply(original, this, arguments) : original.call(this, a0, a1, a2, a3, a4);
        } catch (e) {
          throw hideOwnFrames(e);
        }
        if (after) {
          try {
            after(this, a0, result);
          } catch {
            /* ignore */
          }
        }
        return result;
      },
    }[name]!;
    defineProperty(wrapper, 'length', { value: original.length });
    originals.set(wrapper, original);
    defineProperty(proto, name, { ...desc, value: wrapper });
  } catch {
    /* leave the page's API as it was */
  }
}

/** Replaces the setter of `proto[name]` with one that first calls `before(this, value)`. */
export function wrapSetter<T extends object>(proto: T | undefined, name: string, before: (self: any, value: unknown) => void): void {
  try {
    if (!proto) return;
    const desc = getOwnPropertyDescriptor(proto, name);
    const original = desc?.set;
    if (!desc || typeof original !== 'function' || originals.has(original)) return;
    const setter = getOwnPropertyDescriptor(
      {
        set [name](value: unknown) {
          try {
            before(this, value);
          } catch {
            /* ignore */
          }
          try {
            apply(original, this, [value]);
          } catch (e) {
            throw hideOwnFrames(e);
          }
        },
      },
      name,
    )!.set!;
    originals.set(setter, original);
    defineProperty(proto, name, { ...desc, set: setter });
  } catch {
    /* leave the page's API as it was */
  }
}

/**
 * Replaces the getter of `proto[name]` with one that returns what the original returns
 * and then calls `after(this)`. Used for properties pages read often: `after` must be cheap.
 */
export function wrapGetter<T extends object>(proto: T | undefined, name: string, after: (self: any, value: unknown) => void): void {
  try {
    if (!proto) return;
    const desc = getOwnPropertyDescriptor(proto, name);
    const original = desc?.get;
    if (!desc || typeof original !== 'function' || originals.has(original)) return;
    const getter = getOwnPropertyDescriptor(
      {
        get [name]() {
          let value: unknown;
          try {
            value = apply(original, this, []);
          } catch (e) {
            throw hideOwnFrames(e);
          }
          try {
            after(this, value);
          } catch {
            /* ignore */
          }
          return value;
        },
      },
      name,
    )!.get!;
    originals.set(getter, original);
    defineProperty(proto, name, { ...desc, get: getter });
  } catch {
    /* leave the page's API as it was */
  }
}

/** Marks a proxy or wrapper as standing for `original` when the page calls toString on it. */
export function looksLike(wrapper: object, original: object): void {
  originals.set(wrapper, original);
}

/** Whether `fn` is one of our wrappers or proxies (so it is not wrapped twice). */
export function isOurs(fn: unknown): boolean {
  return typeof fn === 'function' && originals.has(fn);
}
