import { z } from 'zod';
import { adSchema, contactSchema, rollupSchema, signalSchema, TABLES, visitSchema } from './records';

/**
 * The export format for researchers: one header, then records by table. JSON (one
 * document), NDJSON (one record per line with a `type`) and CSV (one file per table,
 * zipped) carry the same records. docs/export.schema.json is generated from these schemas
 * (npm run export-schema) and docs/export-format.md documents them.
 */
export const EXPORT_FORMAT = 'targetlens-export';
/** Version of the export format. Imports refuse any other. */
export const EXPORT_VERSION = 1;

export const exportOptionsSchema = z
  .strictObject({
    format: z.enum(['json', 'ndjson', 'csv']),
    paths: z.enum(['kept', 'dropped']).describe('dropped: visits have no path and no URL.'),
    sites: z.enum(['kept', 'hashed']).describe('hashed: every first-party site is replaced by HMAC-SHA-256(study key, site) in hex, and page titles and URLs are dropped.'),
  })
  .meta({ id: 'options', title: 'How the export was made' });

export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export const exportHeaderSchema = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.iso.datetime().describe('When the export was made (ISO 8601, UTC).'),
    extensionVersion: z.string().max(40).describe('Version of Targetlens that made it.'),
    options: exportOptionsSchema,
  })
  .meta({ id: 'header', title: 'Export header: the start of every export' });

export type ExportHeader = z.infer<typeof exportHeaderSchema>;

const counts = z.strictObject(Object.fromEntries(TABLES.map((t) => [t, z.number().int().nonnegative()])) as Record<(typeof TABLES)[number], z.ZodNumber>);

export const exportEndSchema = z
  .strictObject({ counts: counts.describe('Records per table: an export cut short is refused.') })
  .meta({ id: 'end', title: 'End of an export, with the number of records of each table' });

/** The JSON format: one document, the header's fields first. */
export const exportDocumentSchema = z
  .strictObject({
    ...exportHeaderSchema.shape,
    visits: z.array(visitSchema),
    contacts: z.array(contactSchema),
    signals: z.array(signalSchema),
    ads: z.array(adSchema),
    rollups: z.array(rollupSchema),
    end: exportEndSchema,
  })
  .meta({ id: 'document', title: 'Targetlens export (JSON, one document)' });

/** The NDJSON format: the header line first, the end line last, one record on each line between. */
export const ndjsonLineSchema = z
  .discriminatedUnion('type', [
    exportHeaderSchema.extend({ type: z.literal('header') }),
    visitSchema.extend({ type: z.literal('visit') }),
    contactSchema.extend({ type: z.literal('contact') }),
    signalSchema.extend({ type: z.literal('signal') }),
    adSchema.extend({ type: z.literal('ad') }),
    rollupSchema.extend({ type: z.literal('rollup') }),
    exportEndSchema.extend({ type: z.literal('end') }),
  ])
  .meta({ id: 'ndjsonLine', title: 'Targetlens export (NDJSON): one line' });

/** The JSON Schema of every format, as committed in docs/export.schema.json. */
export function exportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(z.union([exportDocumentSchema, ndjsonLineSchema]), { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: 'https://targetlens.org/schemas/export.schema.json',
    title: 'Targetlens export',
    description:
      'A Targetlens history export. The JSON format is one document; NDJSON is one ndjsonLine per line, the header first and the end last; ' +
      'the CSV zip holds header.json (the header and end) and one CSV file per table, with one column per property of visit, contact, signal, ad and rollup, and lists as JSON text.',
    ...rest,
  };
}

/** docs/export.schema.json, exactly as committed. */
export function exportSchemaText(): string {
  return JSON.stringify(exportJsonSchema(), null, 2) + '\n';
}
