/** A read smaller than this on either side (getImageData(0, 0, 1, 1), a 16×16 icon) is no fingerprint. */
export const MIN_SIDE = 16;

/**
 * Canvas fingerprinting as the issue and Privacy Badger define it: a script writes text to
 * a 2D canvas (fillText, strokeText) and the same script reads it back (toDataURL, toBlob,
 * convertToBlob, getImageData) over more than 16×16 pixels. A canvas shown in the
 * document is left out: pages export their own charts, and replay tools copy what they
 * show; a fingerprint needs no one to see it.
 *
 * Watching every text draw would cost pages that draw a lot (a wrapper takes V8's fast
 * call into the browser away from each fillText), so who created each context is taken
 * when it is created (rare), and only contexts a script from another host created are
 * watched for their first text write (`track`). On the page's own contexts, and beyond the
 * budget of stacks, the script that created the context stands for the one that wrote.
 */
export class CanvasRule {
  private readonly creator = new WeakMap<object, string | null>();
  private readonly tracked = new WeakSet<object>();
  private readonly writer = new WeakMap<object, string | null>();
  private reads = 0;

  constructor(
    private readonly caller: () => string | undefined,
    private readonly report: (script: string) => void,
    private readonly maxReads = 64,
  ) {}

  /** A new 2D context, made by `script` (undefined when unknown). */
  created(context: object, script: string | undefined, track: boolean): void {
    if (this.creator.has(context)) return;
    this.creator.set(context, script ?? null);
    if (track) this.tracked.add(context);
  }

  /** The first text written on a tracked context. */
  wrote(context: object): void {
    if (this.tracked.has(context) && !this.writer.has(context)) this.writer.set(context, this.caller() ?? null);
  }

  /** A read of a `width`×`height` area of what `context` drew; `shown` when its canvas is in the document. */
  read(context: object | undefined, width: number, height: number, shown: boolean): void {
    if (!context || !this.creator.has(context) || shown) return;
    if (!(Math.abs(width) > MIN_SIDE && Math.abs(height) > MIN_SIDE)) return;
    const tracked = this.tracked.has(context);
    // A watched context nobody wrote text on: an image resized or a drawing copied, not a fingerprint.
    if (tracked && !this.writer.has(context)) return;
    if (this.reads++ >= this.maxReads) return;
    const reader = this.caller();
    const writer = tracked ? this.writer.get(context) : this.creator.get(context);
    if (reader && (writer === null || writer === reader)) this.report(reader);
  }
}
