import { z } from 'zod';
import { MAX_PAGE_URL } from '../limits';

/**
 * The records of the local history, as stored and as exported. One zod schema per table:
 * the store's types, the export's JSON Schema and the import's validation all come from
 * here. Nothing in them is a value people could be identified by: page URLs are cut to
 * what the settings allow, and signals carry parameter names, never values.
 */

export const DAY_MS = 86_400_000;

/** UTC day number of a time in ms since the epoch; rollups and retention work in whole days. */
export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS);
}

const id = z.string().min(1).max(600);
const site = z.string().min(1).max(253).describe('Registrable domain (eTLD+1) of the page, or its keyed hash in an anonymised export.');
const count = z.number().int().nonnegative().max(1e9);
const time = z.number().int().nonnegative().max(8.64e15).describe('Milliseconds since 1970-01-01 UTC.');
const day = z.number().int().nonnegative().max(1e8).describe('UTC day number: floor(time / 86400000).');
const shortText = z.string().max(300);
const names = z.array(shortText).max(100);

export const provenanceSchema = z.enum(['observed', 'declared', 'inferred']).describe('observed: we saw the request; declared: the page, ad or consent string says so; inferred: our reasoning.');
export const politicalLabelSchema = z.enum(['campaign', 'political-news']);

export const visitSchema = z
  .strictObject({
    id: id.describe('Visit key: "<time>-<tabId>". Rewriting the same visit reuses it.'),
    site,
    path: z.string().max(MAX_PAGE_URL).optional().describe('Path of the page without query string or fragment. Absent in "domain only" mode and when an export drops paths.'),
    url: z.string().max(MAX_PAGE_URL).optional().describe('The full URL, only in "full URL" mode. Dropped by exports that drop paths or hash sites.'),
    title: shortText.optional().describe('The page title. Dropped by exports that hash sites.'),
    time,
    requests: count.describe('Requests the page made, first and third party.'),
    thirdParty: count.describe('Requests to third parties.'),
    political: politicalLabelSchema.optional().describe('The political lens\'s label. campaign: a party, campaign or candidate site, or a page running campaign technology; political-news: a page about elections, parties or candidates. Absent: not political.'),
  })
  .meta({ id: 'visit', title: 'Visit: one page load in one tab' });

export const categorySchema = z.enum([
  'advertising',
  'analytics',
  'social',
  'marketing',
  'customer-success',
  'political',
  'tag-manager',
  'consent',
  'video',
  'cdn',
  'hosting',
  'content',
  'utility',
  'other',
]);

export const contactSchema = z
  .strictObject({
    id: id.describe('"<visit>|<entity>".'),
    visit: id.describe('Key of the visit.'),
    day,
    site: site.describe('The visit\'s site (denormalised, so that rollups need not read visits).'),
    entity: z.string().min(1).max(300).describe('Company key: "company:<name>", "vendor:<registry id>" or "site:<registrable domain>" for companies we cannot name.'),
    name: shortText.describe('Company name, or its domain when unnamed.'),
    kind: z.enum(['named', 'listed', 'unknown']).describe('named: a source names it; listed: a filter list flags its domain; unknown: neither.'),
    party: z.enum(['first', 'third']).describe('first: the page\'s own site (e.g. click ids in its URL).'),
    category: categorySchema,
    requests: count,
    hosts: names.describe('Hostnames of the company that were contacted.'),
    signals: count.describe('Number of distinct signals (rows in signals) for this contact.'),
    firstSeen: time,
    lastSeen: time,
  })
  .meta({ id: 'contact', title: 'Contact: one company contacted during one visit' });

export const signalKindSchema = z.enum(['hashed-identity', 'plain-identity', 'click-id', 'pixel-event', 'id-sync', 'identifier-in-url', 'beacon', 'third-party-cookie']);

export const signalSchema = z
  .strictObject({
    id: id.describe('"<visit>|<entity>|<hash of kind, detail and evidence>".'),
    visit: id,
    day,
    entity: z.string().min(1).max(300),
    kind: signalKindSchema,
    detail: shortText.optional().describe('Pixel event name or conversion id: what was reported, not about whom.'),
    evidence: names.describe('Parameter, cookie or event names. Never their values.'),
    fields: names.optional().describe('Identity fields (email, phone …) sent hashed or in clear.'),
    provenance: provenanceSchema,
    count: count.describe('How many times it was seen during the visit.'),
  })
  .meta({ id: 'signal', title: 'Signal: what one company received during one visit' });

export const adExplanationSchema = z.strictObject({
  section: z.enum(['bought', 'paid', 'told', 'known', 'rules']).optional().describe('bought: how the slot was sold; paid: who paid; told: what the page told the bidders; known: what the ad network could already know; rules: what the law says.'),
  kind: z.string().max(100).optional().describe('Stable name of the line (the message key), for analysis across languages.'),
  text: z.string().max(1000).describe('The line as shown, in the browser\'s language at the time.'),
  provenance: provenanceSchema,
});

/** One ad slot's explanation, as the political lens writes it with recordAds. */
export const adInputSchema = z.strictObject({
  slot: z.string().min(1).max(300),
  sponsor: shortText.optional().describe('Who paid, as the ad\'s own disclosure says.'),
  labels: names.describe('Political-ad labels found on the ad, each with its language code.'),
  advertiserDomains: names.describe('Advertiser domains of the winning bid.'),
  political: z.boolean().optional().describe('Whether the ad carries a political-ad label or sponsor disclosure.'),
  explanation: z.array(adExplanationSchema).max(50),
});

export const adSchema = z
  .strictObject({
    id: id.describe('"<visit>|<slot>".'),
    visit: id,
    day,
    ...adInputSchema.shape,
  })
  .meta({ id: 'ad', title: 'Ad: one ad slot of one visit, with why it was shown' });

export const rollupSchema = z
  .strictObject({
    id: id.describe('"<day>|<entity>".'),
    day,
    entity: z.string().min(1).max(300),
    name: shortText,
    category: categorySchema,
    sites: z.array(site).max(100_000).describe('Distinct first-party sites on which the company was contacted that day, sorted.'),
    visits: count.describe('Visits on which it was contacted.'),
    requests: count,
    signals: count.describe('Sum of the contacts\' distinct signals.'),
  })
  .meta({ id: 'rollup', title: 'Daily rollup: one third-party company on one UTC day' });

export type Visit = z.infer<typeof visitSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type SignalRecord = z.infer<typeof signalSchema>;
export type AdInput = z.infer<typeof adInputSchema>;
export type Ad = z.infer<typeof adSchema>;
export type Rollup = z.infer<typeof rollupSchema>;
export type PoliticalLabel = z.infer<typeof politicalLabelSchema>;

export const TABLES = ['visits', 'contacts', 'signals', 'ads', 'rollups'] as const;
export type TableName = (typeof TABLES)[number];

export const RECORD_SCHEMAS = {
  visits: visitSchema,
  contacts: contactSchema,
  signals: signalSchema,
  ads: adSchema,
  rollups: rollupSchema,
} as const;

export interface RecordOf {
  visits: Visit;
  contacts: Contact;
  signals: SignalRecord;
  ads: Ad;
  rollups: Rollup;
}

/** The singular record type names used in NDJSON lines. */
export const RECORD_TYPE = { visits: 'visit', contacts: 'contact', signals: 'signal', ads: 'ad', rollups: 'rollup' } as const satisfies Record<TableName, string>;
