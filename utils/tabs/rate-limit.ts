/**
 * Token buckets, one per tab: `take(tab, n)` spends n tokens if the tab has them. Tokens
 * come back at `perSecond` up to `burst`. The background uses them before it parses or
 * decodes anything a page's frames send, because each frame's own bridge limits only that
 * frame, and a page can make as many about:blank frames as it likes.
 */
export class TabBuckets {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
    private readonly maxTabs = 1000,
  ) {}

  take(tab: number, n = 1): boolean {
    const t = this.now();
    let b = this.buckets.get(tab);
    if (!b) {
      if (this.buckets.size >= this.maxTabs) this.buckets.delete(this.buckets.keys().next().value!);
      b = { tokens: this.burst, at: t };
      this.buckets.set(tab, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + (Math.max(0, t - b.at) / 1000) * this.perSecond);
    b.at = t;
    if (b.tokens < n) return false;
    b.tokens -= n;
    return true;
  }

  forget(tab: number): void {
    this.buckets.delete(tab);
  }
}
