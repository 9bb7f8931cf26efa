import { z } from 'zod';

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 24 * 2 ** 20;
/** The text of a zip's files, together, may not exceed this (a zip can expand a lot). */
export const MAX_IMPORT_TEXT = 40 * 2 ** 20;

/**
 * What an extension page sends the background to import: the file's text, or the text of
 * each file of a CSV zip. Zod only, so that the message protocol can use it.
 */
export const importPayloadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: z.string().max(MAX_IMPORT_TEXT) }),
  z.strictObject({ kind: z.literal('files'), files: z.record(z.string().max(100), z.string().max(MAX_IMPORT_TEXT)) }),
]);

export type ImportPayload = z.infer<typeof importPayloadSchema>;

/** The first problem that makes a file unimportable; each has its own message for the person. */
export type ImportProblem = 'too-large' | 'empty' | 'not-an-export' | 'truncated' | 'wrong-format' | 'wrong-version' | 'unknown-type' | 'invalid-record' | 'inconsistent';

export interface ImportFailure {
  ok: false;
  problem: ImportProblem;
  /** Where and what, e.g. "line 4, time: expected number, received string". */
  detail: string;
}

export interface ImportSuccess {
  ok: true;
  /** Rows that were not in the store before, per table (rollups are recomputed, not imported). */
  added: { visits: number; contacts: number; signals: number; ads: number };
}

export type ImportResult = ImportSuccess | ImportFailure;
