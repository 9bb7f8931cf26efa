import { scriptFromStack } from '../engine/stack';
import { emit } from './emit';
import { wrapMethod } from './native';

const KEY_EVENTS = new Set(['keydown', 'keyup', 'keypress', 'input', 'change', 'beforeinput']);
const seen = new Set<string>();

/**
 * Key logging, as Blacklight tests it, seen from inside the page: a script from another
 * host listening to what people type into fields, before anything is submitted.
 */
export function watchKeyListeners(): void {
  const ownHost = location.host;
  wrapMethod(globalThis.EventTarget?.prototype, 'addEventListener', (target: EventTarget, type) => {
    if (!KEY_EVENTS.has(type as string) || !isTypingTarget(target)) return;
    const script = scriptFromStack(new Error().stack);
    if (script && !seen.has(script) && new URL(script).host !== ownHost) {
      seen.add(script);
      emit({ kind: 'keylogging', script, event: String(type) });
    }
  });
}

function isTypingTarget(t: EventTarget): boolean {
  return (
    t === document ||
    t === window ||
    t instanceof HTMLInputElement ||
    t instanceof HTMLTextAreaElement ||
    t instanceof HTMLFormElement ||
    t === document.body
  );
}
