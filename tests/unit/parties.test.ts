import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
      { ...good, alsoIn: ['DE'] },
      { ...good, alsoIn: ['at'] },
      { ...good, alsoIn: [] },
      { ...good, id: 'CDU DE' },
      { ...good, kind: 'club' },
      // A source must be independent of the site it vouches for.
      { ...good, source: 'https://www.cdu.de/partei' },
      { ...good, source: 'https://cdu.de/' },
      // Only campaigns and candidates run for a party, and it must be listed.
      { ...good, party: 'de-csu' },
      { ...good, kind: 'campaign', party: 'de-nowhere' },
    ]) {
      expect(partyRegistrySchema.safeParse([bad]).success).toBe(false);
    }
    expect(partyRegistrySchema.safeParse([good, good]).success).toBe(false);
    expect(partyRegistrySchema.safeParse([good, { ...good, id: 'other' }]).success).toBe(false);
  });

  it('gives every entry an independent public source: its Wikipedia article', () => {
    for (const p of parties) {
      const u = new URL(p.source);
      expect(u.hostname, p.id).toMatch(/^(en|de|fr|nl)\.wikipedia\.org$/);
      expect(u.pathname, p.id).toMatch(/^\/wiki\/[^/]/);
      // The exact title, with underscores for spaces, never a search or a guessed section.
      expect(u.search + u.hash, p.id).toBe('');
      expect(decodeURI(u.pathname), p.id).not.toContain(' ');
    }
  });

  it('lists campaigns and candidates, each running for a listed party when it has one', () => {
    const campaigns = parties.filter((p) => p.kind === 'campaign');
    const candidates = parties.filter((p) => p.kind === 'candidate');
    expect(campaigns.length).toBeGreaterThanOrEqual(3);
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    expect(partyOfSite('www.kamalaharris.com')).toMatchObject({ kind: 'campaign', party: 'us-democrats', country: 'US' });
    expect(partyOfSite('donaldjtrump.com')).toMatchObject({ kind: 'campaign', party: 'us-gop' });
    expect(partyOfSite('melenchon.fr')).toMatchObject({ kind: 'candidate', party: 'fr-lfi' });
  });

  it('knows the parties the lexicon names and the European groups', () => {
    for (const [site, id] of [
      ['patriotsforeurope.eu', 'eu-patriots'], ['esn-group.eu', 'eu-esn'], ['defi.eu', 'be-defi'], ['bewegingdenk.nl', 'nl-denk'],
      ['voltdeutschland.org', 'de-volt'], ['voltnederland.org', 'nl-volt'], ['volteuropa.org', 'eu-volt'], ['freiewaehler.eu', 'de-freie-waehler'],
      ['horizonsleparti.fr', 'fr-horizons'], ['mydup.com', 'gb-dup'], ['sinnfein.ie', 'ie-sinn-fein'], ['bsw-vg.de', 'de-bsw'],
      ['eppgroup.eu', 'eu-epp-group'], ['groenlinks.nl', 'nl-groenlinks'], ['pvda.nl', 'nl-pvda'],
    ] as const) {
      expect(partyOfSite(site)?.id, site).toBe(id);
    }
  });

  it('is counted in the README as it is', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const m = /`utils\/registry\/parties\.ts`: (\d+) entries: (\d+) parties, (\d+) European Parliament groups, (\d+) campaigns and (\d+) candidates/.exec(readme.replace(/\s+/g, ' '));
    expect(m, 'the README states the registry counts').not.toBeNull();
    const count = (k: string) => parties.filter((p) => p.kind === k).length;
    expect(m!.slice(1).map(Number)).toEqual([parties.length, count('party'), count('group'), count('campaign'), count('candidate')]);
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
    // An all-Ireland party: its seat in Dublin, and it also stands in Northern Ireland.
    expect(partyOfSite('www.sinnfein.ie')).toMatchObject({ name: 'Sinn Féin', country: 'IE', alsoIn: ['GB'] });
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
