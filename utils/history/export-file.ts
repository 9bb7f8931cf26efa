import type { HistoryDB } from '../db/database';
import { exportChunks, type ExportContext, type ExportRequest } from '../db/export';

const TYPES = { json: 'application/json', ndjson: 'application/x-ndjson', csv: 'application/zip' } as const;
/** Chunks are handed to the browser's blob store in batches of this size, so the page's heap stays small. */
const BATCH_BYTES = 4 * 2 ** 20;

/** The export as a Blob, built as the chunks come: the bytes live in the browser's blob storage, not in the page's heap. */
export async function exportBlob(db: HistoryDB, req: ExportRequest, ctx: ExportContext): Promise<Blob> {
  let blob = new Blob([], { type: TYPES[req.format] });
  let batch: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for await (const chunk of exportChunks(db, req, ctx)) {
    batch.push(chunk as Uint8Array<ArrayBuffer>);
    size += chunk.length;
    if (size >= BATCH_BYTES) {
      blob = new Blob([blob, ...batch], { type: TYPES[req.format] });
      batch = [];
      size = 0;
    }
  }
  return new Blob([blob, ...batch], { type: TYPES[req.format] });
}
