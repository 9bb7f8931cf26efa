/**
 * Wrapping page APIs without the page noticing: a wrapper has the original's name and
 * length, is not constructible (like native methods), and Function.prototype.toString
 * shows the original's native source for it.
 */
const originals = new WeakMap<object, object>();
const nativeToString = Function.prototype.toString;

function maskToString(): void {
  const toString = {
    toString(this: unknown) {
      return nativeToString.call((typeof this === 'function' && originals.get(this)) || this);
    },
  }.toString;
  originals.set(toString, nativeToString);
  Object.defineProperty(Function.prototype, 'toString', { ...Object.getOwnPropertyDescriptor(Function.prototype, 'toString'), value: toString });
}
maskToString();

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
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    const original = desc?.value as AnyFn | undefined;
    if (typeof original !== 'function') return;
    const wrapper = {
      [name](this: unknown, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown, a4?: unknown) {
        if (before) {
          try {
            before(this, a0, a1, a2, a3);
          } catch {
            /* ignore */
          }
        }
        const result = arguments.length > 5 ? Reflect.apply(original, this, arguments) : original.call(this, a0, a1, a2, a3, a4);
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
    Object.defineProperty(wrapper, 'length', { value: original.length });
    originals.set(wrapper, original);
    Object.defineProperty(proto, name, { ...desc, value: wrapper });
  } catch {
    /* leave the page's API as it was */
  }
}

/** Replaces the setter of `proto[name]` with one that first calls `before(this, value)`. */
export function wrapSetter<T extends object>(proto: T | undefined, name: string, before: (self: any, value: unknown) => void): void {
  try {
    if (!proto) return;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    const original = desc?.set;
    if (!desc || typeof original !== 'function') return;
    const setter = Object.getOwnPropertyDescriptor(
      {
        set [name](value: unknown) {
          try {
            before(this, value);
          } catch {
            /* ignore */
          }
          Reflect.apply(original, this, [value]);
        },
      },
      name,
    )!.set!;
    originals.set(setter, original);
    Object.defineProperty(proto, name, { ...desc, set: setter });
  } catch {
    /* leave the page's API as it was */
  }
}

/** Marks a proxy or wrapper as standing for `original` when the page calls toString on it. */
export function looksLike(wrapper: object, original: object): void {
  originals.set(wrapper, original);
}
