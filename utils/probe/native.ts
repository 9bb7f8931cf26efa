/**
 * Wrapping page APIs without the page noticing: a wrapper has the original's name and
 * length, is not constructible (like native methods), Function.prototype.toString shows
 * the original's native source for it, and an error the original throws reaches the page
 * without the probe's own frames in its stack.
 */
type AnyFn = (this: any, ...args: any[]) => any;

const originals = new WeakMap<object, object>();
const nativeToString = Function.prototype.toString;
const defineProperty = Object.defineProperty;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const apply = Reflect.apply;
/** invoke(fn, self, …args) calls fn on self without building an array, whatever the page does to Function.prototype.call. */
const invoke = Function.prototype.call.bind(Function.prototype.call) as (fn: AnyFn, self: unknown, ...args: unknown[]) => unknown;

/**
 * The script our code runs from (chrome-extension://<id>/content-scripts/probe.js, where
 * every wrapper is made), as stack lines name it: read from our own stack the
 * first time an error passes through a wrapper, not at document start.
 */
let ownPrefix: string | null | undefined;
function ownScript(): string | undefined {
  if (ownPrefix === undefined) {
    ownPrefix = null;
    try {
      for (const line of String(new Error().stack).split('\n')) {
        const m = /(?:\(|@|at )((?:[a-z-]+:\/\/|\/)[^\s()]+?):\d+(?::\d+)?\)?$/.exec(line.trim());
        if (m) {
          ownPrefix = m[1]!;
          break;
        }
      }
    } catch {
      /* no stack: nothing to hide */
    }
  }
  return ownPrefix ?? undefined;
}

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
  try {
    if (e && typeof e === 'object') {
      const stack = (e as { stack?: unknown }).stack;
      const own = ownScript();
      if (own && typeof stack === 'string' && stack.includes(own)) {
        (e as { stack?: unknown }).stack = stack
          .split('\n')
          .filter((line) => !line.includes(own))
          .join('\n');
      }
    }
  } catch {
    /* a frozen or exotic error: leave it */
  }
  return e;
}

/** A set of strings as a prototype-less object: `set[key] === true` is one lookup, no call, and no page code can answer it. */
export function stringSet(keys: readonly string[]): Readonly<Record<string, true>> {
  const set = Object.create(null) as Record<string, true>;
  for (const k of keys) set[k] = true;
  return set;
}

/**
 * Replaces `proto[name]` with a wrapper that calls `before(this, a0, a1, a2, a3)`, then
 * the original with exactly the arguments it was given (so that a call missing a required
 * argument throws the same TypeError), then `after(this, a0, result)`, and returns the
 * original's result as is. The hooks run on every call a page makes, or, with
 * `onlyFirst`, only on calls whose first argument is one of its strings (the wrapper then
 * checks that itself, so other calls cost the page one lookup more); they never throw into
 * the page.
 */
export function wrapMethod<T extends object>(
  proto: T | undefined,
  name: string,
  before: ((self: any, a0: unknown, a1: unknown, a2: unknown, a3: unknown) => void) | undefined,
  after?: (self: any, a0: unknown, result: unknown) => void,
  onlyFirst?: Readonly<Record<string, true>>,
): void {
  try {
    if (!proto) return;
    const desc = getOwnPropertyDescriptor(proto, name);
    const original = desc?.value as AnyFn | undefined;
    if (typeof original !== 'function' || originals.has(original)) return;
    // One named method for every wrapper, so that profiles can tell time spent in wrappers
    // (which includes the wrapped native's own work) from the probe's own; the page sees
    // the original's name.
    const wrapper = {
      targetlensMethod(this: unknown, ...args: unknown[]) {
        const hooked = !onlyFirst || (typeof args[0] === 'string' && onlyFirst[args[0]] === true);
        if (!hooked) {
          try {
            return apply(original, this, args);
          } catch (e) {
            throw hideOwnFrames(e);
          }
        }
        if (before) {
          try {
            before(this, args[0], args[1], args[2], args[3]);
          } catch {
            /* ignore */
          }
        }
        let result: unknown;
        try {
          result = apply(original, this, args);
        } catch (e) {
          throw hideOwnFrames(e);
        }
        if (after) {
          try {
            after(this, args[0], result);
          } catch {
            /* ignore */
          }
        }
        return result;
      },
    }.targetlensMethod;
    defineProperty(wrapper, 'name', { value: original.name });
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
        set targetlensSetter(value: unknown) {
          try {
            before(this, value);
          } catch {
            /* ignore */
          }
          try {
            invoke(original, this, value);
          } catch (e) {
            throw hideOwnFrames(e);
          }
        },
      },
      'targetlensSetter',
    )!.set!;
    defineProperty(setter, 'name', { value: original.name });
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
        get targetlensGetter() {
          let value: unknown;
          try {
            value = invoke(original, this);
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
      'targetlensGetter',
    )!.get!;
    defineProperty(getter, 'name', { value: original.name });
    originals.set(getter, original);
    defineProperty(proto, name, { ...desc, get: getter });
  } catch {
    /* leave the page's API as it was */
  }
}

/**
 * For calls too frequent to wrap on the prototype (a wrapper defeats V8's fast calls into
 * the browser, a microsecond each): gives one object own copies of `names` that call
 * `first(this)` on the first call of any of them, then remove themselves, last added
 * first, so the object gets its original shape back and every later call goes straight
 * to the prototype's native method. Until then the object has these own properties.
 */
export function shadowUntilFirstCall(target: object, proto: object, names: readonly string[], first: (self: any) => void): void {
  try {
    const shadows: [string, AnyFn][] = [];
    let done = false;
    const restore = (self: object) => {
      if (done || self !== target) return;
      done = true;
      try {
        first(self);
      } catch {
        /* ignore */
      }
      for (let i = shadows.length - 1; i >= 0; i--) {
        const [name, shadow] = shadows[i]!;
        if (getOwnPropertyDescriptor(target, name)?.value === shadow) delete (target as Record<string, unknown>)[name];
      }
    };
    for (const name of names) {
      const desc = getOwnPropertyDescriptor(proto, name);
      const original = desc?.value as AnyFn | undefined;
      if (typeof original !== 'function') continue;
      const shadow = {
        targetlensShadow(this: unknown, ...args: unknown[]) {
          if (!done) restore(this as object);
          try {
            return apply(original, this, args);
          } catch (e) {
            throw hideOwnFrames(e);
          }
        },
      }.targetlensShadow;
      defineProperty(shadow, 'name', { value: original.name });
      defineProperty(shadow, 'length', { value: original.length });
      originals.set(shadow, original);
      defineProperty(target, name, { ...desc, value: shadow });
      shadows.push([name, shadow]);
    }
  } catch {
    /* leave the object as it was */
  }
}

/**
 * Calls `first(value)` the first time `target[name]` is read (an accessor, such as
 * window.navigator), with the value read, and puts the original accessor back at that
 * moment, so that work the page may never need waits until it is needed. The original is
 * read first: what it makes (the navigator object and its interface) is the page's own
 * work, not ours. `value` is undefined when the getter was called on another object, and
 * `first(undefined)` is called at once when the property cannot be watched.
 */
export function onFirstGet(target: object, name: string, first: (value: unknown) => void): void {
  let desc: PropertyDescriptor | undefined;
  try {
    desc = getOwnPropertyDescriptor(target, name);
  } catch {
    desc = undefined;
  }
  const original = desc?.get;
  if (!desc || typeof original !== 'function' || !desc.configurable) {
    first(undefined);
    return;
  }
  let done = false;
  const getter = getOwnPropertyDescriptor(
    {
      get targetlensGetter() {
        let value: unknown;
        try {
          value = invoke(original, this);
        } catch (e) {
          throw hideOwnFrames(e);
        }
        if (!done) {
          done = true;
          try {
            defineProperty(target, name, desc!);
          } catch {
            /* ignore */
          }
          try {
            first(this === target ? value : undefined);
          } catch {
            /* ignore */
          }
        }
        return value;
      },
    },
    'targetlensGetter',
  )!.get!;
  try {
    defineProperty(getter, 'name', { value: original.name });
    originals.set(getter, original);
    defineProperty(target, name, { ...desc, get: getter });
  } catch {
    first(undefined);
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
