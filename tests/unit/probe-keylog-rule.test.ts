import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isTypingTarget, KeyLogRule } from '@/utils/probe/keylog-rule';

const PAGE_HOST = 'www.holiday-rentals-example.com';
const VENDOR = 'https://cdn.logrocket.io/LogRocket.min.js';

function setup(first: string | undefined = VENDOR) {
  const reports: string[] = [];
  const timers: (() => void)[] = [];
  const caller = { script: first, stacks: 0 };
  // Like setTimeout, which throws when called on another object.
  const later = function (this: unknown, fn: () => void) {
    if (this !== undefined) throw new TypeError('Illegal invocation');
    timers.push(fn);
  };
  const rule = new KeyLogRule(() => PAGE_HOST, () => (caller.stacks++, caller.script), (script, event) => reports.push(`${event} ${script}`), () => true, later);
  return { rule, reports, timers, caller };
}

describe('which targets carry what people type', () => {
  const { window } = parseHTML(
    '<html><body><form id="f"><div id="wrap"><input id="t"><input id="c" type="checkbox"></div></form><div id="chat"></div><p id="p" contenteditable="true"></p><textarea id="ta"></textarea></body></html>',
  );
  const w = window as unknown as typeof globalThis & Record<string, any>;
  const doc = w.document as Document;
  const $ = (id: string) => doc.getElementById(id);
  it('fields, forms, the document and containers of fields; empty containers later; the rest not', () => {
    expect(['t', 'f', 'wrap', 'ta'].map((id) => isTypingTarget($(id), w))).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect([isTypingTarget(doc, w), isTypingTarget(w, w), isTypingTarget(doc.body, w), isTypingTarget(doc.documentElement, w)]).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(isTypingTarget($('c'), w)).toBe('later'); // a checkbox: not a text field, and it holds none
    expect(isTypingTarget($('chat'), w)).toBe('later');
    expect(isTypingTarget({}, w)).toBe('no');
    expect(isTypingTarget(null, w)).toBe('no');
  });
});

describe('key logging by scripts from other hosts', () => {
  it('listeners: third-party scripts on typing targets, once per script and event', () => {
    const { rule, reports, caller } = setup();
    rule.listener({}, 'input', 'yes');
    rule.listener({}, 'input', 'yes');
    rule.listener({}, 'keydown', 'yes');
    rule.listener({}, 'click', 'no');
    caller.script = `https://${PAGE_HOST}/js/app.js`;
    rule.listener({}, 'input', 'yes');
    caller.script = `https://${PAGE_HOST}/booking.html`; // an inline script
    rule.listener({}, 'keyup', 'yes');
    caller.script = 'about:srcdoc';
    rule.listener({}, 'keyup', 'yes');
    caller.script = 'blob:https://www.holiday-rentals-example.com';
    rule.listener({}, 'keyup', 'yes');
    expect(reports).toEqual([`input ${VENDOR}`, `keydown ${VENDOR}`, 'keyup blob:https://www.holiday-rentals-example.com']);
    expect(caller.stacks).toBe(7); // none for the click
  });
  it('a listener on an element without fields yet counts once fields appear', () => {
    const { rule, reports } = setup();
    const chat = { hasFields: false };
    rule.listener(chat, 'keyup', 'later');
    rule.recheck((t) => ((t as typeof chat).hasFields ? 'yes' : 'later'), false);
    expect(reports).toEqual([]);
    chat.hasFields = true;
    rule.recheck((t) => ((t as typeof chat).hasFields ? 'yes' : 'later'), true);
    expect(reports).toEqual([`keyup ${VENDOR}`]);
    rule.recheck(() => 'yes', true);
    expect(reports).toHaveLength(1);
  });
  it('value reads: only after an edit, a few per edit, never during a submission', () => {
    const { rule, reports, timers, caller } = setup();
    const field = {};
    rule.valueRead(field); // nothing typed yet
    expect(caller.stacks).toBe(0);
    rule.typed(field);
    caller.script = `https://${PAGE_HOST}/js/validate.js`;
    for (let i = 0; i < 10; i++) rule.valueRead(field);
    expect(caller.stacks).toBe(6);
    expect(reports).toEqual([]);
    rule.typed(field);
    rule.submitting();
    caller.script = VENDOR;
    rule.valueRead(field);
    expect(reports).toEqual([]);
    timers.shift()!(); // the submit event is over
    rule.valueRead(field);
    expect(reports).toEqual([`value ${VENDOR}`]);
  });
});
