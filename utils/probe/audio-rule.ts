const OSCILLATOR = 1;
const SHAPER = 2; // a compressor or an analyser

/**
 * Audio fingerprinting, the known pattern: an oscillator and a dynamics compressor or an
 * analyser on one audio context, then the signal read back (an offline context rendered,
 * or an analyser's frequency or time-domain data read). Any other use of Web Audio, such
 * as playing sound, is not reported.
 */
export class AudioRule {
  private readonly parts = new WeakMap<object, number>();
  /** Contexts already judged: a visualiser reading its analyser 60 times a second pays for one stack. */
  private readonly judged = new WeakSet<object>();

  constructor(
    private readonly caller: () => string | undefined,
    private readonly report: (script: string) => void,
  ) {}

  created(context: object, node: 'oscillator' | 'compressor' | 'analyser'): void {
    this.parts.set(context, (this.parts.get(context) ?? 0) | (node === 'oscillator' ? OSCILLATOR : SHAPER));
  }

  /** The signal of `context` read back; the stack is taken only when the pattern is complete. */
  readBack(context: object | undefined): void {
    if (!context || this.parts.get(context) !== (OSCILLATOR | SHAPER) || this.judged.has(context)) return;
    this.judged.add(context);
    const script = this.caller();
    if (script) this.report(script);
  }
}
