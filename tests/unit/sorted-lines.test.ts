import { describe, expect, it } from 'vitest';
import { SortedLines } from '@/utils/engine/sorted-lines';

describe('SortedLines', () => {
  const words = ['a.com', 'ad.net', 'adnxs.com', 'b.org', 'criteo.com', 'z.io'];
  const lines = new SortedLines(words.join('\n'));
  it('finds every line and nothing else', () => {
    for (const w of words) expect(lines.has(w)).toBe(true);
    for (const w of ['', 'a', 'a.co', 'a.comm', 'ad.ne', 'zz.io', 'b.org\n', 'criteo.com\nz.io']) expect(lines.has(w)).toBe(false);
    expect(lines.size).toBe(words.length);
  });
  it('agrees with a Set on a large random list', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const all = Array.from({ length: 5000 }, () => Math.floor(rand() * 1e9).toString(36) + '.com');
    const set = new Set(all.filter((_, i) => i % 2 === 0));
    const sorted = new SortedLines([...set].sort().join('\n'));
    for (const d of all) expect(sorted.has(d)).toBe(set.has(d));
  });
  it('an empty list holds nothing', () => {
    expect(new SortedLines('').has('a.com')).toBe(false);
    expect(new SortedLines('').size).toBe(0);
  });
});
