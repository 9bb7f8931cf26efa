import { z } from 'zod';

const domain = z
  .string()
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/, 'a lower-case hostname');

/** A political party or European Parliament group, with the domains of its official sites. */
export const partySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2).max(120),
  /** ISO 3166-1 alpha-2 of the party's country, or `EU` for European parties and groups. */
  country: z.string().regex(/^(?:[A-Z]{2})$/),
  /** Registrable domains of the official sites; every host below them belongs to the party. */
  domains: z.array(domain).min(1),
  /** Where the domain is stated: the party's own site or its Wikipedia page. */
  source: z.url({ protocol: /^https$/ }),
});
export type Party = z.infer<typeof partySchema>;

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
  }
});
