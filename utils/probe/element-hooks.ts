import { wrapMethod } from './native';

type Win = typeof globalThis & Record<string, any>;
const XHTML = 'http://www.w3.org/1999/xhtml';
const apply = Reflect.apply;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;

/**
 * Hooks on HTML element interfaces, installed when the page shows it has them. Blink makes
 * a window's interface objects on first use, and the first HTML one (HTMLElement, which
 * every HTML*Element inherits from) costs about half a millisecond in a new renderer
 * process: at document start that would be the probe's cost; a moment later it is the
 * page's own, which makes it when it first touches an element. So the hooks wait for the
 * page's first `createElement` (`'html'` hooks), or of a given tag (`'canvas'`,
 * `'script'`), which is how scripts make the canvases they fingerprint with, the spans
 * they measure and the scripts they load; and every hook still waiting is installed when
 * the reader arrives, once the document is parsed (`installAll`).
 *
 * What this misses: an element the parser, innerHTML or cloneNode made, used before the
 * document is parsed by a script that never called createElement (README, Known limits).
 */
export class ElementHooks {
  private readonly pending = new Map<string, (() => void)[]>();
  private waiting = 0;

  constructor(w: Win) {
    const doc = w.Document?.prototype as Document | undefined;
    // Element's, taken at the first element the page makes (which makes the interface).
    let localName: (() => unknown) | undefined;
    const created = (el: unknown, html: boolean) => {
      if (!this.waiting) return;
      if (html) this.install('html');
      localName ??= getOwnPropertyDescriptor(w.Element?.prototype ?? {}, 'localName')?.get;
      if (localName && el && typeof el === 'object') {
        const tag = apply(localName, el, []) as unknown;
        if (typeof tag === 'string' && this.pending.has(tag)) this.install(tag);
      }
    };
    wrapMethod(doc, 'createElement', undefined, (_doc, _name, el) => created(el, true));
    wrapMethod(doc, 'createElementNS', undefined, (_doc, ns, el) => created(el, ns === XHTML));
  }

  /** Runs `install` once: when the page first creates an element of `tag` ('html': any HTML element), or at `installAll`. */
  when(tag: 'html' | 'canvas' | 'script', install: () => void): void {
    const list = this.pending.get(tag) ?? [];
    list.push(install);
    this.pending.set(tag, list);
    this.waiting++;
  }

  /** Installs every hook still waiting: the document is parsed, the page has its interfaces. */
  installAll(): void {
    for (const tag of [...this.pending.keys()]) this.install(tag);
  }

  private install(tag: string): void {
    const list = this.pending.get(tag);
    if (!list) return;
    this.pending.delete(tag);
    this.waiting -= list.length;
    // HTML*Element interfaces exist only with HTMLElement: install the page-wide hooks first.
    if (tag !== 'html') this.install('html');
    for (const fn of list) {
      try {
        fn();
      } catch {
        /* leave the page's API as it was */
      }
    }
  }
}
