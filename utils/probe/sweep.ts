export interface SweepOptions {
  /** Distinct values a page may read in one window before we start asking who reads them. */
  gate: number;
  /** Distinct values one script must read, once we ask, to count as sweeping. */
  threshold: number;
  windowMs: number;
  /** Stacks this sweep may take over the page's life: the cost stays bounded whatever the page does. */
  maxStacks: number;
}

/**
 * Fingerprinting by sweeping: one script reading many distinct values of one kind (device
 * properties, font families) in a short window. Ordinary pages read a few of them now and
 * then, so the cheap part only counts distinct values per window. Once a window holds
 * `gate` of them, each value read for the first time since is attributed to the script
 * that read it (a stack, bounded by `maxStacks`), and a script that reaches `threshold`
 * distinct values is reported once. The values read before the gate opened are credited
 * to no one: thresholds are set below what real sweeps read, minus the gate.
 *
 * A window starts at the first read after the last one ended and is ended by a timer
 * `windowMs` later, so a read costs no clock. A timer waits for the task that is running:
 * a window can only last longer than `windowMs`, never shorter.
 */
export class Sweep {
  private open = false;
  private readonly inWindow = new Set<string>();
  private readonly attributed = new Set<string>();
  private readonly byScript = new Map<string, Set<string>>();
  private readonly reported = new Set<string>();
  private stacks = 0;

  constructor(
    private readonly opts: SweepOptions,
    private readonly later: (fn: () => void, ms: number) => void,
    private readonly caller: () => string | undefined,
    private readonly report: (script: string) => void,
  ) {}

  /** One read of `value`. Cheap unless the window is already full of distinct reads. */
  note(value: string): void {
    if (!this.open) {
      this.open = true;
      const later = this.later; // setTimeout, called without a receiver
      later(() => this.close(), this.opts.windowMs);
    }
    if (this.inWindow.size < this.opts.gate) {
      this.inWindow.add(value);
      return;
    }
    if (this.attributed.has(value) || this.stacks >= this.opts.maxStacks) return;
    this.attributed.add(value);
    this.stacks++;
    const script = this.caller();
    if (!script || this.reported.has(script)) return;
    let values = this.byScript.get(script);
    if (!values) this.byScript.set(script, (values = new Set()));
    values.add(value);
    if (values.size >= this.opts.threshold) {
      this.reported.add(script);
      this.report(script);
    }
  }

  private close(): void {
    this.open = false;
    this.inWindow.clear();
    this.attributed.clear();
    this.byScript.clear();
  }
}
