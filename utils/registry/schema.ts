import { z } from 'zod';

const domain = z
  .string()
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/, 'a lower-case hostname');

export const politicalRoleSchema = z.enum([
  'donations',
  'campaign-crm',
  'organising',
  'canvassing',
  'voter-data',
  'political-ad-tech',
]);
export type PoliticalRole = z.infer<typeof politicalRoleSchema>;

/** A political-technology company: who runs it, what it does for campaigns, and where we read that. */
export const politicalVendorSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  company: z.string().min(2),
  role: politicalRoleSchema,
  /** ISO 3166-1 alpha-2 of the market it mainly serves. */
  country: z.string().regex(/^[A-Z]{2}$/),
  /** Political alignment where the vendor itself declares one (e.g. ActBlue serves Democrats). */
  alignment: z.enum(['left', 'right', 'nonpartisan']).optional(),
  domains: z.array(domain).min(1),
  source: z.url({ protocol: /^https$/ }),
});
export type PoliticalVendor = z.infer<typeof politicalVendorSchema>;

export const politicalRegistrySchema = z.array(politicalVendorSchema).superRefine((vendors, ctx) => {
  const ids = new Set<string>();
  const domains = new Set<string>();
  for (const v of vendors) {
    if (ids.has(v.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${v.id}` });
    ids.add(v.id);
    for (const d of v.domains) {
      if (domains.has(d)) ctx.addIssue({ code: 'custom', message: `domain ${d} listed twice` });
      domains.add(d);
    }
  }
});
