import { callerScript } from './caller';
import type { ElementHooks } from './element-hooks';
import { emit } from './emit';
import { pageHost } from './page-host';
import { KEY_RECHECKS_MS } from './schedule';
import { stringSet, wrapGetter, wrapMethod, wrapSetter } from './native';
import { isTextField, isTypingTarget, KEY_EVENTS, KeyLogRule } from './keylog-rule';

type Win = typeof globalThis & Record<string, any>;

const HANDLERS = ['oninput', 'onkeydown', 'onkeyup', 'onchange'];

/**
 * Key logging, as Blacklight tests it, seen from inside the page: a script from another
 * host listening to what people type into fields, or reading what they typed, before
 * anything is submitted. Seen through addEventListener (on fields, forms, the document
 * and any element that holds fields, whose events bubble up to it), the on… handler
 * properties, and the value getters of input and textarea.
 */
export function watchKeyListeners(elements: ElementHooks, w: Win = globalThis as Win): void {
  const doc = w.document as Document;
  const listen = w.EventTarget?.prototype.addEventListener as EventTarget['addEventListener'] | undefined;
  const rule = new KeyLogRule(pageHost, callerScript, (script, event) => emit({ kind: 'keylogging', script, event }), (t) => isTextField(t, w));

  // Pages add listeners by the hundred, nearly all for other events: the wrapper itself
  // lets those through without calling the hook.
  wrapMethod(
    w.EventTarget?.prototype,
    'addEventListener',
    (target: EventTarget, type, fn) => {
      if (fn) rule.listener(target, type as string, isTypingTarget(target, w));
    },
    undefined,
    stringSet([...KEY_EVENTS]),
  );
  const onHandler = (name: string) => (target: EventTarget, value: unknown) => {
    if (typeof value === 'function') rule.listener(target, name, isTypingTarget(target, w));
  };
  for (const name of HANDLERS) {
    wrapSetter(w.Document?.prototype, name, onHandler(name));
    wrapSetter(w, name, onHandler(name));
  }
  elements.when('html', () => {
    for (const name of HANDLERS) wrapSetter(w.HTMLElement?.prototype, name, onHandler(name));
  });

  // What people type: our own listeners, added with the original method, mark a field as
  // typed into; the next few reads of its value after each edit are looked at.
  // Our own listeners never throw into the page's event dispatch.
  const quietly = (fn: () => void) => {
    try {
      fn();
    } catch {
      /* ignore */
    }
  };
  // The value getters are wrapped when someone first types: until then no value read can
  // be key logging, and pages read values often.
  let valueHooked = false;
  const read = (el: object) => rule.valueRead(el);
  const hookValues = () => {
    if (valueHooked) return;
    valueHooked = true;
    wrapGetter(w.HTMLInputElement?.prototype, 'value', read);
    wrapGetter(w.HTMLTextAreaElement?.prototype, 'value', read);
  };
  if (listen && doc) {
    try {
      listen.call(doc, 'input', (e: Event) => quietly(() => {
        hookValues();
        rule.typed(e.target);
      }), { capture: true, passive: true });
      listen.call(doc, 'submit', () => quietly(() => rule.submitting()), { capture: true, passive: true });
      // Elements that held no field yet when a script listened on them: looked at again once
      // the page is built, after its own load handlers, and a little later.
      const recheck = (last: boolean) => quietly(() => rule.recheck((t) => isTypingTarget(t, w), last));
      listen.call(w, 'load', () => {
        const n = KEY_RECHECKS_MS.length;
        for (let i = 0; i < n; i++) setTimeout(() => recheck(i === n - 1), KEY_RECHECKS_MS[i]);
      }, { once: true });
    } catch {
      /* never disturb the page */
    }
  }
}
