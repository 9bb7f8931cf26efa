/** A read smaller than this on either side (getImageData(0, 0, 1, 1), a 16×16 icon) is no fingerprint. */
export const MIN_SIDE = 16;

/**
 * Canvas fingerprinting as the issue and Privacy Badger define it: a script writes to a
 * 2D canvas (fillText, strokeText) and the same script reads it back (toDataURL, toBlob,
 * convertToBlob, getImageData) over more than 16×16 pixels. A canvas shown in the
 * document is left out: pages export their own charts, and replay tools copy what they
 * show; a fingerprint needs no one to see it.
 *
 * Who wrote is taken once per context (a stack costs microseconds), for at most
 * `maxWriters` contexts; beyond that, the reader is taken to be the writer.
 */
export class CanvasRule {
  private readonly writer = new WeakMap<object, string | null>();
  private writers = 0;
  private reads = 0;

  constructor(
    private readonly caller: () => string | undefined,
    private readonly report: (script: string) => void,
    private readonly maxWriters = 64,
    private readonly maxReads = 64,
  ) {}

  /** A text drawn on `context`. Cheap after the first call per context. */
  wrote(context: object): void {
    if (this.writer.has(context)) return;
    this.writer.set(context, this.writers++ < this.maxWriters ? (this.caller() ?? null) : null);
  }

  /** A read of a `width`×`height` area of what `context` drew; `shown` when its canvas is in the document. */
  read(context: object | undefined, width: number, height: number, shown: boolean): void {
    if (!context || !this.writer.has(context) || shown) return;
    if (!(Math.abs(width) > MIN_SIDE && Math.abs(height) > MIN_SIDE)) return;
    if (this.reads++ >= this.maxReads) return;
    const reader = this.caller();
    const writer = this.writer.get(context);
    if (reader && (writer === null || writer === reader)) this.report(reader);
  }
}
