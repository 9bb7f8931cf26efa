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

/** Replaces `proto[name]` with `make(original)`, keeping the property's attributes. */
export function wrapMethod<T extends object>(proto: T | undefined, name: string, make: (original: AnyFn) => AnyFn): void {
  try {
    if (!proto) return;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    const original = desc?.value as AnyFn | undefined;
    if (typeof original !== 'function') return;
    const inner = make(original);
    const wrapper = {
      [name](this: unknown, ...args: unknown[]) {
        return inner.apply(this, args);
      },
    }[name]!;
    Object.defineProperty(wrapper, 'length', { value: original.length });
    originals.set(wrapper, original);
    Object.defineProperty(proto, name, { ...desc, value: wrapper });
  } catch {
    /* leave the page's API as it was */
  }
}

/** Marks a proxy or wrapper as standing for `original` when the page calls toString on it. */
export function looksLike(wrapper: object, original: object): void {
  originals.set(wrapper, original);
}
