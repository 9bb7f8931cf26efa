import { takeStack } from './caller';
import { MeasureBurst } from './font-family';

/**
 * What the probe's hooks tell (utils/probe/hooks.ts), and the reader's rules judge
 * (utils/probe/rules.ts):
 * - `context`: a 2D context `a` made on canvas self, by script `b` (undefined when unknown);
 * - `read`: a canvas (self) exported; `image`: getImageData on a 2D context (self), `a`×`b`;
 * - `wrote`: the first text written on a 2D context (self);
 * - `font`: a 2D context's font set to `a`; `fontcheck`: document.fonts.check(`a`);
 * - `webgl`: WebGL getParameter(`a`); `audio`: an audio node `a` made on context self;
 *   `audio-read`: the signal of audio context self read back;
 * - `measure`: an element's (self) offsetWidth read; `device`: navigator or screen property `a` read;
 * - `listen`: a listener for key event `a` added on self; `handler`: on… handler `a` set on self to `b`;
 * - `typed`: someone typed into self; `submit`: a form is being submitted; `value`: a field's value read.
 */
export type TapKind =
  | 'context' | 'read' | 'image' | 'wrote' | 'font' | 'fontcheck' | 'webgl' | 'audio' | 'audio-read'
  | 'measure' | 'device' | 'listen' | 'handler' | 'typed' | 'submit' | 'value';

/** The reader's side: judges one tap; `stack` is given for taps kept from before it came, taken then. */
export type TapSink = (kind: TapKind, self: unknown, a: unknown, b: unknown, stack?: unknown) => void;

const MAX_BACKLOG = 400;
/** Taps kept with no stack: nothing to attribute, or attributed already. */
const NO_STACK: ReadonlySet<TapKind> = new Set(['context', 'audio', 'typed', 'submit']);
/** Taps kept once per value: what they count is distinct values, and pages repeat them. */
const ONCE_PER_VALUE: ReadonlySet<TapKind> = new Set(['device', 'font', 'fontcheck', 'measure']);
const later = setTimeout;

/**
 * From the hooks to the reader's rules. Until the reader arrives (the document parsed),
 * taps are kept, each with the stack it was made from, at most MAX_BACKLOG, for the rules
 * to judge then as if they came at that moment. Layout reads and canvas fonts come by the
 * thousand from ordinary pages: as the rules do, only those in a burst are looked at
 * (font-family.ts), and kept once per font family, which is what a font sweep varies and
 * a layout loop does not; a kept layout read carries its element's family as `a`. Value
 * reads only matter once someone types. Once a reader is connected, each tap goes straight
 * to it. A page that connects first (reader-link.ts) gets the taps too, but not the kept
 * ones away from the reader: each connection is given them.
 */
export class TapLine {
  private sink: TapSink | undefined;
  private readonly sinks: TapSink[] = [];
  private readonly backlog: [TapKind, unknown, unknown, unknown, unknown][] = [];
  private readonly kept = new Set<string>();
  private readonly boxBurst = new MeasureBurst(20, 1000, later);
  private readonly textBurst = new MeasureBurst(20, 1000, later);

  constructor(private readonly familyOf: (el: unknown) => string) {}

  readonly tap = (kind: TapKind, self: unknown, a?: unknown, b?: unknown): void => {
    // One reader, the usual case: straight to it.
    const sink = this.sink;
    if (sink) return sink(kind, self, a, b);
    if (this.sinks.length) return this.tell(kind, self, a, b);
    if (kind === 'value' || this.backlog.length >= MAX_BACKLOG) return;
    if (kind === 'measure' || kind === 'font') {
      const burst = kind === 'measure' ? this.boxBurst : this.textBurst;
      if (!burst.hit()) return;
      const family = kind === 'measure' ? this.familyOf(self) : String(a);
      burst.saw(family);
      if (!family) return;
      a = family;
    }
    if (ONCE_PER_VALUE.has(kind)) {
      const key = `${kind} ${String(a).slice(0, 300)}`;
      if (this.kept.has(key)) return;
      this.kept.add(key);
    }
    this.backlog.push([kind, self, a, b, NO_STACK.has(kind) ? undefined : takeStack()]);
  };

  private tell(kind: TapKind, self: unknown, a: unknown, b: unknown): void {
    for (const s of this.sinks) {
      try {
        s(kind, self, a, b);
      } catch {
        /* a page's forged sink may throw: the others still hear */
      }
    }
  }

  /** A reader arrived: it judges what was kept, in order, then every tap as it comes. */
  connect(sink: TapSink): void {
    for (const [kind, self, a, b, stack] of this.backlog) {
      try {
        sink(kind, self, a, b, stack ?? null);
      } catch {
        /* a rule's failure: skip this tap */
      }
    }
    this.sinks.push(sink);
    // A second reader (a page's forged one, or ours after it) means every tap goes to all.
    this.sink = this.sinks.length === 1 ? sink : undefined;
  }
}
