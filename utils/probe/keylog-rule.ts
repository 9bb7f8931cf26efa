import { fromOtherHost } from '../engine/stack';

/** Fields people type into (not checkboxes, buttons or hidden fields). */
const TEXT_TYPES = new Set(['', 'text', 'email', 'tel', 'password', 'search', 'url', 'number']);
const TEXT_FIELDS =
  'textarea,[contenteditable=""],[contenteditable="true"],input:not([type]),' +
  [...TEXT_TYPES].filter(Boolean).map((t) => `input[type="${t}"]`).join(',');

/** Reads of a field's value looked at after each edit: its own page reads it too. */
const READS_PER_EDIT = 6;
const MAX_VALUE_STACKS = 400;
const MAX_PENDING = 20;

type Win = typeof globalThis & Record<string, any>;

export type TypingTarget = 'yes' | 'later' | 'no';

export function isTextField(t: unknown, w: Win): boolean {
  try {
    if (t instanceof w.HTMLTextAreaElement) return true;
    return t instanceof w.HTMLInputElement && TEXT_TYPES.has(String((t as HTMLInputElement).type || '').toLowerCase());
  } catch {
    return false;
  }
}

/**
 * Whether key events on `t` carry what people type: a text field, a form, the document,
 * the window, the root or body element, or any element holding text fields, since input events bubble up
 * to it. An element holding none yet is 'later': fields are often added after listeners.
 */
export function isTypingTarget(t: unknown, w: Win): TypingTarget {
  try {
    const doc = w.document;
    if (t === w || t === doc || t === doc?.body || t === doc?.documentElement || isTextField(t, w) || t instanceof w.HTMLFormElement) return 'yes';
    if (!(t instanceof w.Element)) return 'no';
    const el = t as HTMLElement;
    if (el.isContentEditable || el.querySelector(TEXT_FIELDS)) return 'yes';
    return 'later';
  } catch {
    return 'no';
  }
}

/**
 * Which scripts from other hosts listen to typing or read typed values. The stack is taken
 * only for a listener on a typing target, and for the first few value reads after each edit.
 */
export class KeyLogRule {
  private readonly reported = new Set<string>();
  private pending: { target: unknown; script: string; event: string }[] = [];
  private readonly edited = new WeakMap<object, number>();
  private valueStacks = 0;
  private inSubmit = false;

  constructor(
    /** The page's host, asked when a listener is judged (location is not read at document start). */
    private readonly ownHost: () => string,
    private readonly caller: () => string | undefined,
    private readonly report: (script: string, event: string) => void,
    private readonly isField: (t: unknown) => boolean = () => true,
    private readonly later: (fn: () => void, ms: number) => void = setTimeout,
  ) {}

  /** Whether a script is not the page's own: another host, or a blob: script no one can vouch for. */
  thirdParty(script: string): boolean {
    try {
      return fromOtherHost(script, this.ownHost());
    } catch {
      return false;
    }
  }

  private once(script: string, event: string): void {
    const key = `${event} ${script}`;
    if (this.reported.has(key) || this.reported.size >= 50) return;
    this.reported.add(key);
    this.report(script, event);
  }

  /** A key-event listener or on… handler added on `target`. */
  listener(target: unknown, event: string, typing: TypingTarget): void {
    if (typing === 'no') return;
    const script = this.caller();
    if (!script || !this.thirdParty(script)) return;
    if (typing === 'yes') this.once(script, event);
    else if (this.pending.length < MAX_PENDING) this.pending.push({ target, script, event });
  }

  /** Once the page is built: listeners on elements that now hold text fields. `last` forgets the rest. */
  recheck(typing: (t: unknown) => TypingTarget, last = true): void {
    this.pending = this.pending.filter((p) => {
      if (typing(p.target) !== 'yes') return true;
      this.once(p.script, p.event);
      return false;
    });
    if (last) this.pending = [];
  }

  /** Someone typed into `target`. */
  typed(target: unknown): void {
    if (target && typeof target === 'object' && this.isField(target)) this.edited.set(target, READS_PER_EDIT);
  }

  /** A form is being submitted: reads until the event is over are the submission's. */
  submitting(): void {
    this.inSubmit = true;
    const later = this.later; // setTimeout, called without a receiver
    later(() => {
      this.inSubmit = false;
    }, 0);
  }

  /** A read of a field's value. */
  valueRead(field: object): void {
    const left = this.edited.get(field);
    if (!left) return;
    if (left <= 1) this.edited.delete(field);
    else this.edited.set(field, left - 1);
    if (this.inSubmit || this.valueStacks >= MAX_VALUE_STACKS) return;
    this.valueStacks++;
    const script = this.caller();
    if (script && this.thirdParty(script)) this.once(script, 'value');
  }
}
