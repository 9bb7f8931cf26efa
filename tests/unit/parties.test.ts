import { describe, expect, it } from 'vitest';
import { parties, partyOfSite } from '@/utils/registry/parties';
import { partyRegistrySchema } from '@/utils/registry/party-schema';
import { politicalVendors } from '@/utils/registry/political';

describe('party registry', () => {
  it('matches its schema', () => {
    const r = partyRegistrySchema.safeParse(parties);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('rejects bad entries', () => {
    const good = parties[0]!;
    for (const bad of [
      { ...good, domains: ['CDU.de'] },
      { ...good, domains: [] },
      { ...good, source: 'http://www.cdu.de/' },
      { ...good, source: 'javascript:alert(1)' },
      { ...good, country: 'Deutschland' },
      { ...good, id: 'CDU DE' },
    ]) {
      expect(partyRegistrySchema.safeParse([bad]).success).toBe(false);
    }
    expect(partyRegistrySchema.safeParse([good, good]).success).toBe(false);
    expect(partyRegistrySchema.safeParse([good, { ...good, id: 'other' }]).success).toBe(false);
  });

  it('covers DE, FR, BE, NL, GB, US and the EU groups', () => {
    const countries = new Set(parties.map((p) => p.country));
    for (const c of ['DE', 'FR', 'BE', 'NL', 'GB', 'US', 'EU']) expect(countries).toContain(c);
    for (const c of ['DE', 'FR', 'BE', 'NL', 'GB']) {
      expect(parties.filter((p) => p.country === c).length).toBeGreaterThanOrEqual(6);
    }
  });

  it('finds the party of a site, from its registrable domain or a hostname below it', () => {
    expect(partyOfSite('cdu.de')?.id).toBe('de-cdu');
    expect(partyOfSite('www.spd.de')?.name).toBe('SPD');
    expect(partyOfSite('labour.org.uk')?.country).toBe('GB');
    expect(partyOfSite('n-va.be')?.id).toBe('be-n-va');
    expect(partyOfSite('PVDA.be')?.id).toBe('be-pvda-ptb');
    expect(partyOfSite('socialistsanddemocrats.eu')?.country).toBe('EU');
  });

  it('knows nothing of other sites, of look-alikes, or of fictional test campaigns', () => {
    for (const s of ['moreau2026.org', 'www.moreau2026.org', 'notcdu.de', 'cdu.de.example.com', 'org.uk', 'de', '', 'x'.repeat(300)]) {
      expect(partyOfSite(s)).toBeUndefined();
    }
  });

  it('shares no domain with the political-technology registry', () => {
    const vendorDomains = new Set(politicalVendors.flatMap((v) => v.domains));
    for (const p of parties) for (const d of p.domains) expect(vendorDomains.has(d)).toBe(false);
  });
});
