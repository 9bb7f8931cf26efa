import { z } from 'zod';

/**
 * What the main-world probe may report, as the background accepts it. The page can
 * forge any of it, so every field is bounded and anything else is dropped. Values are
 * names and identifiers of companies and tags, never the person's data.
 */
const name = z.string().max(64);
const url = z.string().max(2048);
const domain = z.string().max(253);

export const IDENTITY_PLATFORMS = ['meta', 'google', 'tiktok', 'snap', 'criteo', 'linkedin', 'x', 'microsoft'] as const;
export const FINGERPRINT_TECHNIQUES = ['canvas', 'webgl', 'audio', 'fonts', 'navigator'] as const;
export const CAMPAIGN_PLATFORMS = ['nationbuilder', 'everyaction', 'actblue', 'action-network', 'winred', 'anedot', 'mobilize'] as const;

export const probeFindingSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tcf'),
    tcString: z.string().max(8192),
    eventStatus: name.optional(),
    gdprApplies: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('gpp'), sections: z.array(name).max(32) }),
  z.object({
    kind: z.literal('identity-config'),
    platform: z.enum(IDENTITY_PLATFORMS),
    tag: name.optional(),
    fields: z.array(name).max(24),
  }),
  z.object({ kind: z.literal('eids'), providers: z.array(z.object({ source: domain, atype: z.number().int().min(0).max(99).optional() })).max(50) }),
  z.object({
    kind: z.literal('bid'),
    slot: z.string().max(200),
    bidder: name,
    advertiserDomains: z.array(domain).max(10),
    /** The bid's DSA transparency (OpenRTB DSA extension): dsaparams 1 profiling, 2 basic advertising, 3 precise geolocation; adrender 0 or 1. */
    dsa: z
      .object({
        behalf: z.string().max(200).optional(),
        paid: z.string().max(200).optional(),
        transparency: z.array(z.object({ domain, params: z.array(z.number().int().min(0).max(255)).max(16) })).max(10).optional(),
        adrender: z.union([z.literal(0), z.literal(1)]).optional(),
      })
      .optional(),
  }),
  z.object({
    kind: z.literal('auction'),
    slot: z.string().max(200),
    /** Bidders asked (the ad unit's bids); empty when only the answers were seen. */
    bidders: z.array(name).max(30),
    /** Bidders that answered with a bid (pbjs.getBidResponses), when known. */
    answered: z.array(name).max(30).optional(),
  }),
  z.object({
    kind: z.literal('gpt-slot'),
    slot: z.string().max(300),
    elementId: z.string().max(200),
    targetingKeys: z.array(name).max(50),
    /** Keys set for the whole page (pubads().setTargeting), sent with every slot's request. */
    pageKeys: z.array(name).max(50).optional(),
    /** Values that look like segment names, for at most 20 keys (page and slot). */
    values: z
      .record(name, z.array(z.string().max(40)).max(10))
      .refine((o) => Object.keys(o).length <= 20)
      .optional(),
    advertiserId: z.number().int().nonnegative().optional(),
    campaignId: z.number().int().nonnegative().optional(),
    creativeId: z.number().int().nonnegative().optional(),
    lineItemId: z.number().int().nonnegative().optional(),
  }),
  z.object({ kind: z.literal('fingerprint'), technique: z.enum(FINGERPRINT_TECHNIQUES), script: url }),
  z.object({ kind: z.literal('replay'), vendor: name }),
  z.object({ kind: z.literal('keylogging'), script: url, event: name }),
  z.object({ kind: z.literal('campaign'), platform: z.enum(CAMPAIGN_PLATFORMS), evidence: name }),
]);

export type ProbeFinding = z.infer<typeof probeFindingSchema>;
