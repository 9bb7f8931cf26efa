/**
 * Membership in a sorted, newline-separated list, searched in place. The tracker lists
 * hold 150,000 domains: building a Set of them would cost the service worker ~100 ms
 * on every wake-up, while a binary search costs well under a microsecond per probe and
 * each host is probed once (callers cache by host).
 */
export class SortedLines {
  constructor(private readonly text: string) {}

  get size(): number {
    if (!this.text) return 0;
    let n = 1;
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) n++;
    return n;
  }

  has(key: string): boolean {
    const text = this.text;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const line = text.slice(start, end);
      if (line === key) return true;
      if (line < key) lo = end + 1;
      else hi = start;
    }
    return false;
  }
}
