import { describe, expect, it } from 'vitest';
import { politicalVendors } from '@/utils/registry/political';
import { politicalRegistrySchema } from '@/utils/registry/schema';

describe('political technology registry', () => {
  it('matches its schema', () => {
    const r = politicalRegistrySchema.safeParse(politicalVendors);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('rejects bad entries', () => {
    const good = politicalVendors[0]!;
    for (const bad of [
      { ...good, domains: ['NationBuilder.com'] },
      { ...good, source: 'http://nationbuilder.com' },
      { ...good, country: 'usa' },
      { ...good, role: 'lobbying' },
    ]) {
      expect(politicalRegistrySchema.safeParse([bad]).success).toBe(false);
    }
    expect(politicalRegistrySchema.safeParse([good, good]).success).toBe(false);
  });

  it('covers the campaign platforms named in the research brief', () => {
    const names = politicalVendors.map((v) => v.name);
    for (const n of ['NationBuilder', 'NGP VAN', 'EveryAction', 'ActBlue', 'WinRed', 'Anedot', 'Action Network', 'Mobilize', 'Qomon']) {
      expect(names).toContain(n);
    }
  });
});
