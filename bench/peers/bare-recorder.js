// A peer for the page probe's document start (bench/probe.ts), not part of the extension:
// the least a main-world script can run to install the hooks probe.js installs at document
// start. The same prototypes and properties are wrapped, each wrapper reports to one
// recorder that keeps every call with its stack, and Function.prototype.toString is masked;
// there is nothing else: no rules, no link to a reader, no lazy element hooks, no care for
// hostile pages. Whatever it costs, no probe with these hooks can cost less.
(() => {
  const G = globalThis;
  const define = Object.defineProperty;
  const describe = Object.getOwnPropertyDescriptor;
  const apply = Reflect.apply;
  const originals = new WeakMap();
  const nativeToString = Function.prototype.toString;
  define(Function.prototype, 'toString', {
    ...describe(Function.prototype, 'toString'),
    value: { toString() { return apply(nativeToString, originals.get(this) || this, []); } }.toString,
  });
  const calls = [];
  const record = (kind, self, a, b) => {
    if (calls.length < 400) calls.push([kind, self, a, b, new Error().stack]);
  };
  const method = (proto, name) => {
    const d = proto && describe(proto, name);
    const original = d && d.value;
    if (typeof original !== 'function') return;
    const wrapper = { targetlensMethod(...args) { record(name, this, args[0], args[1]); return apply(original, this, args); } }.targetlensMethod;
    define(wrapper, 'name', { value: original.name });
    define(wrapper, 'length', { value: original.length });
    originals.set(wrapper, original);
    define(proto, name, { ...d, value: wrapper });
  };
  const setter = (proto, name) => {
    const d = proto && describe(proto, name);
    const original = d && d.set;
    if (typeof original !== 'function') return;
    const wrapper = describe({ set targetlensSetter(v) { record(name, this, v); apply(original, this, [v]); } }, 'targetlensSetter').set;
    define(wrapper, 'name', { value: original.name });
    originals.set(wrapper, original);
    define(proto, name, { ...d, set: wrapper });
  };
  const firstGet = (target, name) => {
    const d = describe(target, name);
    const original = d && d.get;
    if (typeof original !== 'function') return;
    const wrapper = describe({ get targetlensGetter() { const v = apply(original, this, []); define(target, name, d); record(name, v); return v; } }, 'targetlensGetter').get;
    define(wrapper, 'name', { value: original.name });
    originals.set(wrapper, original);
    define(target, name, { ...d, get: wrapper });
  };
  const doc = G.Document && G.Document.prototype;
  method(doc, 'createElement');
  method(doc, 'createElementNS');
  const offscreen = G.OffscreenCanvas && G.OffscreenCanvas.prototype;
  method(offscreen, 'getContext');
  method(offscreen, 'convertToBlob');
  const audio = G.BaseAudioContext && G.BaseAudioContext.prototype;
  for (const name of ['createOscillator', 'createDynamicsCompressor', 'createAnalyser']) method(audio, name);
  method(G.FontFaceSet && G.FontFaceSet.prototype, 'check');
  firstGet(G, 'navigator');
  firstGet(G, 'screen');
  const listen = EventTarget.prototype.addEventListener;
  method(EventTarget.prototype, 'addEventListener');
  for (const name of ['oninput', 'onkeydown', 'onkeyup', 'onchange']) {
    setter(doc, name);
    setter(G, name);
  }
  for (const name of ['fbq', 'snaptr', 'twq']) {
    if (name in G) continue;
    define(G, name, {
      configurable: true,
      get: () => undefined,
      set: (v) => define(G, name, { value: v, writable: true, enumerable: true, configurable: true }),
    });
  }
  const passive = { capture: true, passive: true };
  apply(listen, document, ['input', (e) => record('typed', e.target), passive]);
  apply(listen, document, ['submit', () => record('submit'), passive]);
  apply(listen, document, ['targetlens:reader-link', (e) => { if (typeof e.detail === 'function') e.detail(calls); }]);
})();
