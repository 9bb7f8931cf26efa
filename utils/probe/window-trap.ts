import { hideOwnFrames, looksLike } from './native';

const defineProperty = Object.defineProperty;
const apply = Reflect.apply;

/**
 * Pixel snippets assign their function to window (fbq, snaptr, twq) and call it at once,
 * before their library loads. To see those calls, a property is waiting on window from
 * document start: configurable and not enumerable, so Object.keys(window) and for…in do
 * not list it, and reading it gives undefined. When the page assigns the function, the
 * property becomes what a plain assignment makes (an enumerable, writable data property),
 * holding a proxy that notes each call and otherwise behaves exactly like the function.
 *
 * What remains visible before the assignment: `name in window` is true, and
 * Object.getOwnPropertyDescriptor(window, name) shows an accessor (README, Known limits).
 */
export function observeAssignedFunction(w: object, name: string, onCall: (args: ArrayLike<unknown>) => void): void {
  if (name in w) return;
  const settle = (value: unknown) => {
    let stored = value;
    if (typeof value === 'function') {
      const proxy = new Proxy(value, {
        apply(target, thisArg, args) {
          try {
            onCall(args);
          } catch {
            /* never disturb the page */
          }
          try {
            return apply(target, thisArg, args);
          } catch (e) {
            throw hideOwnFrames(e);
          }
        },
      });
      looksLike(proxy, value);
      stored = proxy;
    }
    defineProperty(w, name, { value: stored, writable: true, enumerable: true, configurable: true });
  };
  try {
    defineProperty(w, name, {
      configurable: true,
      enumerable: false,
      get: () => undefined,
      set: settle,
    });
  } catch {
    /* the page got there first */
  }
}
