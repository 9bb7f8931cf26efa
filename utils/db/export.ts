import { Zip, ZipDeflate } from 'fflate';
import { Anonymiser, importStudyKey } from './anonymise';
import { csvHeader, csvRows } from './csv';
import type { HistoryDB } from './database';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportHeader, type ExportOptions } from './export-schema';
import { visitedSites } from './queries';
import { recordCounts, recordPages } from './read-records';
import { RECORD_TYPE, TABLES, type TableName } from './records';

export interface ExportRequest {
  format: ExportOptions['format'];
  dropPaths: boolean;
  /** A study key: first-party sites are replaced by HMAC-SHA-256(key, site). */
  studyKey?: string;
}

export interface ExportContext {
  extensionVersion: string;
  now: number;
  /** Called after each page of records with how many were written of how many. */
  onProgress?: (done: number, total: number) => void;
  pageSize?: number;
}

const encoder = new TextEncoder();

export function exportFileName(format: ExportOptions['format'], now: number): string {
  const date = new Date(now).toISOString().slice(0, 10);
  return `targetlens-export-${date}.${format === 'csv' ? 'zip' : format}`;
}

/**
 * The export as a stream of byte chunks: the store is read page by page, so memory stays
 * flat however large the history. Chunks are for a file (a Blob, a download), in order.
 */
export async function* exportChunks(db: HistoryDB, req: ExportRequest, ctx: ExportContext): AsyncGenerator<Uint8Array> {
  const size = ctx.pageSize ?? 2000;
  const options: ExportOptions = { format: req.format, paths: req.dropPaths ? 'dropped' : 'kept', sites: req.studyKey ? 'hashed' : 'kept' };
  const header: ExportHeader = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(ctx.now).toISOString(), extensionVersion: ctx.extensionVersion, options };
  const anon = new Anonymiser({
    dropPaths: req.dropPaths,
    studyKey: req.studyKey ? await importStudyKey(req.studyKey) : undefined,
    visitedSites: req.studyKey ? new Set(await visitedSites(db)) : undefined,
  });
  const total = Object.values(await recordCounts(db)).reduce((a, b) => a + b, 0);
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<TableName, number>;
  let done = 0;
  ctx.onProgress?.(0, total);

  async function* records(table: TableName): AsyncGenerator<object[]> {
    for await (const page of recordPages(db, table, size)) {
      if (!page.length) continue; // visits without signals, say
      const rows = await anon.rows(table, page);
      counts[table] += rows.length;
      done += rows.length;
      yield rows;
      ctx.onProgress?.(done, Math.max(total, done));
    }
  }

  if (req.format === 'json') {
    yield encoder.encode(JSON.stringify(header).slice(0, -1));
    for (const table of TABLES) {
      let first = true;
      yield encoder.encode(`,\n${JSON.stringify(table)}:[`);
      for await (const rows of records(table)) {
        yield encoder.encode((first ? '\n' : ',\n') + rows.map((r) => JSON.stringify(r)).join(',\n'));
        first = false;
      }
      yield encoder.encode(']');
    }
    yield encoder.encode(`,\n"end":${JSON.stringify({ counts })}}\n`);
    return;
  }

  if (req.format === 'ndjson') {
    yield encoder.encode(JSON.stringify({ ...header, type: 'header' }) + '\n');
    for (const table of TABLES) {
      const type = JSON.stringify(RECORD_TYPE[table]);
      for await (const rows of records(table)) {
        yield encoder.encode(rows.map((r) => `{"type":${type},${JSON.stringify(r).slice(1)}`).join('\n') + '\n');
      }
    }
    yield encoder.encode(JSON.stringify({ type: 'end', counts }) + '\n');
    return;
  }

  // CSV: header.json, one CSV file per table, end.json, in one zip built as it goes.
  const out: Uint8Array[] = [];
  let failed: Error | undefined;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else out.push(chunk);
  });
  const drain = function* () {
    if (failed) throw failed;
    while (out.length) yield out.shift()!;
  };
  const file = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(encoder.encode(text), true);
  };
  file('header.json', JSON.stringify(header, null, 2) + '\n');
  yield* drain();
  for (const table of TABLES) {
    const f = new ZipDeflate(`${table}.csv`, { level: 6 });
    zip.add(f);
    f.push(encoder.encode(csvHeader(table)));
    for await (const rows of records(table)) {
      f.push(encoder.encode(csvRows(table, rows)));
      yield* drain();
    }
    f.push(new Uint8Array(0), true);
    yield* drain();
  }
  file('end.json', JSON.stringify({ counts }, null, 2) + '\n');
  zip.end();
  yield* drain();
}

/** The whole export in memory: for tests and small stores. */
export async function exportBytes(db: HistoryDB, req: ExportRequest, ctx: ExportContext): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of exportChunks(db, req, ctx)) parts.push(c);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
