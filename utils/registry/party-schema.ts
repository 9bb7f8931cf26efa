import { z } from 'zod';

const domain = z
  .string()
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/, 'a lower-case hostname');

/**
 * - `party`: a political party (national, regional or European);
 * - `group`: a European Parliament group;
 * - `campaign`: a campaign committee's site (a presidential run, a referendum campaign);
 * - `candidate`: a politician's own political site.
 */
export const PARTY_KINDS = ['party', 'group', 'campaign', 'candidate'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** A party, group, campaign or candidate, with the domains of its official sites. */
export const partySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2).max(120),
  kind: z.enum(PARTY_KINDS),
  /** ISO 3166-1 alpha-2 of the country, or `EU` for European parties and groups. */
  country: z.string().regex(/^(?:[A-Z]{2})$/),
  /**
   * Other countries where a party that crosses a border also stands for election (Sinn
   * Féin: Ireland, and Northern Ireland in the UK). `country` is where it has its seat.
   */
  alsoIn: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).max(5).optional(),
  /** Registrable domains of the official sites; every host below them belongs to the entry. */
  domains: z.array(domain).min(1),
  /** For a campaign or a candidate: the registry id of the party it runs for, if any. */
  party: z.string().regex(/^[a-z0-9-]+$/).optional(),
  /**
   * An independent public page that names the organisation and its site: its Wikipedia
   * article, or an electoral authority's page. Never one of the entry's own domains.
   */
  source: z.url({ protocol: /^https$/ }),
});
export type Party = z.infer<typeof partySchema>;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export const partyRegistrySchema = z.array(partySchema).superRefine((parties, ctx) => {
  const ids = new Set<string>();
  const domains = new Set<string>();
  for (const p of parties) {
    if (ids.has(p.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${p.id}` });
    ids.add(p.id);
    for (const d of p.domains) {
      if (domains.has(d)) ctx.addIssue({ code: 'custom', message: `domain ${d} listed twice` });
      domains.add(d);
    }
    const source = hostOf(p.source);
    if (p.domains.some((d) => source === d || source.endsWith(`.${d}`))) {
      ctx.addIssue({ code: 'custom', message: `${p.id}: its source is its own site` });
    }
    if (p.alsoIn?.includes(p.country)) ctx.addIssue({ code: 'custom', message: `${p.id}: alsoIn repeats its country` });
    if (p.party !== undefined && (p.kind === 'party' || p.kind === 'group')) {
      ctx.addIssue({ code: 'custom', message: `${p.id}: only campaigns and candidates run for a party` });
    }
  }
  for (const p of parties) {
    if (p.party !== undefined && !ids.has(p.party)) ctx.addIssue({ code: 'custom', message: `${p.id}: unknown party ${p.party}` });
  }
});
