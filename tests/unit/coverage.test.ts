import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRequest } from '@/utils/engine';

export function holdback(): string[] {
  return readFileSync(join(import.meta.dirname, '../data/adtech-holdback.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

describe('coverage on held-back ad-tech domains', () => {
  const domains = holdback();
  const results = domains.map((d) => classifyRequest({ url: `https://${d}/`, documentUrl: 'https://www.example-news.org/' }));
  const named = results.filter((r) => r.entity).length / domains.length;
  const flagged = results.filter((r) => r.listed || (r.entity && r.entity.category !== 'cdn' && r.entity.category !== 'hosting')).length / domains.length;

  it('has a real list to measure on', () => {
    expect(domains.length).toBeGreaterThanOrEqual(150);
  });
  it(`flags at least 70 % as tracking (now ${(flagged * 100).toFixed(1)} %)`, () => {
    expect(flagged).toBeGreaterThanOrEqual(0.7);
  });
  it(`names at least 40 % (now ${(named * 100).toFixed(1)} %)`, () => {
    expect(named).toBeGreaterThanOrEqual(0.4);
  });
});
