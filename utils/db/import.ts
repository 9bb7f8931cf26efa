import { unzipSync } from 'fflate';
import type { z } from 'zod';
import { csvRecords } from './csv';
import type { HistoryDB } from './database';
import { EXPORT_FORMAT, EXPORT_VERSION, exportEndSchema, exportHeaderSchema, type ExportHeader } from './export-schema';
import { MAX_IMPORT_BYTES, MAX_IMPORT_TEXT, type ImportFailure, type ImportPayload, type ImportProblem, type ImportResult } from './import-payload';
import { adKey, contactKey, rollupKey, signalKey } from './keys';
import { dayOf, RECORD_SCHEMAS, RECORD_TYPE, TABLES, type Contact, type RecordOf, type SignalRecord, type TableName } from './records';
import { storedContact, storedSignal, storeVisit } from './stored';
import { putVisitRows, storedVisits } from './write';

export interface ParsedExport {
  ok: true;
  header: ExportHeader;
  records: { [T in TableName]: RecordOf[T][] };
}

class Refused extends Error {
  constructor(
    readonly problem: ImportProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

const fail = (problem: ImportProblem, detail: string): never => {
  throw new Refused(problem, detail);
};

const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;

function issueText(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return `${path || '(record)'}: ${issue.message}`;
}

/**
 * A file chosen by the person, as a payload for the background: refuses oversized, empty,
 * damaged and non-text files before anything is sent. Runs in the extension page.
 */
export function readImportFile(bytes: Uint8Array): { ok: true; payload: ImportPayload } | ImportFailure {
  try {
    if (bytes.length > MAX_IMPORT_BYTES) fail('too-large', `${mib(bytes.length)}; the limit is ${mib(MAX_IMPORT_BYTES)}`);
    if (bytes.length === 0) fail('empty', 'the file is empty');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      let total = 0;
      let files: Record<string, Uint8Array>;
      try {
        files = unzipSync(bytes, {
          filter: (f) => {
            total += f.originalSize;
            if (total > MAX_IMPORT_TEXT) fail('too-large', `the zip expands to more than ${mib(MAX_IMPORT_TEXT)}`);
            return true;
          },
        });
      } catch (e) {
        if (e instanceof Refused) throw e;
        return { ok: false, problem: 'truncated', detail: `the zip archive is damaged or cut short (${(e as Error).message})` };
      }
      const texts: Record<string, string> = {};
      for (const [name, data] of Object.entries(files)) {
        try {
          texts[name] = decoder.decode(data);
        } catch {
          fail('not-an-export', `${name} is not UTF-8 text`);
        }
      }
      return { ok: true, payload: { kind: 'files', files: texts } };
    }
    try {
      return { ok: true, payload: { kind: 'text', text: decoder.decode(bytes) } };
    } catch {
      return fail('not-an-export', 'the file is not UTF-8 text');
    }
  } catch (e) {
    if (e instanceof Refused) return { ok: false, problem: e.problem, detail: e.detail };
    throw e;
  }
}

/** Checks what identifies an export, in order: format, version, then the rest of the header. */
function checkHeader(raw: unknown, where: string): ExportHeader {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('not-an-export', `${where}: not a JSON object`);
  const h = raw as Record<string, unknown>;
  if (h.format !== EXPORT_FORMAT) fail('wrong-format', `${where}: format is ${JSON.stringify(h.format) ?? 'missing'}, expected "${EXPORT_FORMAT}"`);
  if (h.version !== EXPORT_VERSION) fail('wrong-version', `${where}: version ${JSON.stringify(h.version) ?? 'missing'}; this Targetlens reads version ${EXPORT_VERSION}`);
  const { type: _type, ...rest } = h;
  const parsed = exportHeaderSchema.safeParse(rest);
  if (!parsed.success) fail('invalid-record', `${where}, ${issueText(parsed.error)}`);
  return parsed.data!;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    if (/end of (JSON input|data)|Unterminated string/i.test(msg)) return fail('truncated', `${where}: the JSON ends before it is complete`);
    return fail('not-an-export', `${where}: not JSON (${msg})`);
  }
}

type Records = ParsedExport['records'];
const emptyRecords = (): Records => ({ visits: [], contacts: [], signals: [], ads: [], rollups: [] });

function validate<T extends TableName>(table: T, raw: unknown, where: string): RecordOf[T] {
  const parsed = RECORD_SCHEMAS[table].safeParse(raw);
  if (!parsed.success) fail('invalid-record', `${where}, ${issueText(parsed.error)}`);
  return parsed.data as RecordOf[T];
}

const TYPE_TABLE = Object.fromEntries(TABLES.map((t) => [RECORD_TYPE[t], t])) as Record<string, TableName>;

function fromNdjson(text: string): { header: ExportHeader; records: Records; counts: unknown } {
  const lines = text.split('\n');
  const complete = lines[lines.length - 1] === '';
  if (complete) lines.pop();
  const records = emptyRecords();
  const header = checkHeader(parseJson(lines[0]!, 'line 1'), 'line 1');
  let counts: unknown;
  for (let i = 1; i < lines.length; i++) {
    const where = `line ${i + 1}`;
    const line = lines[i]!.replace(/\r$/, '');
    if (counts !== undefined) fail('invalid-record', `${where}: a record after the end record`);
    if (!complete && i === lines.length - 1) {
      try {
        JSON.parse(line);
      } catch {
        fail('truncated', `${where}: the JSON ends before it is complete; the file was cut short`);
      }
    }
    const raw = parseJson(line, where) as Record<string, unknown>;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('invalid-record', `${where}: not a JSON object`);
    const { type, ...rest } = raw;
    if (type === 'end') {
      counts = rest;
      continue;
    }
    if (type === 'header') fail('invalid-record', `${where}: a second header`);
    const table = typeof type === 'string' ? TYPE_TABLE[type] : undefined;
    if (!table) fail('unknown-type', `${where}: type ${JSON.stringify(type) ?? 'missing'}; expected one of header, ${Object.keys(TYPE_TABLE).join(', ')}, end`);
    records[table!].push(validate(table!, rest, where) as never);
  }
  if (counts === undefined) fail('truncated', `no end record after line ${lines.length}: the file was cut short`);
  return { header, records, counts };
}

function fromDocument(text: string): { header: ExportHeader; records: Records; counts: unknown } {
  const doc = parseJson(text, 'the file');
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return fail('not-an-export', 'the file is not a JSON object');
  const d = doc as Record<string, unknown>;
  const header = checkHeader(Object.fromEntries(Object.entries(d).filter(([k]) => k in exportHeaderSchema.shape)), 'the header');
  const records = emptyRecords();
  const known = new Set(['format', 'version', 'exportedAt', 'extensionVersion', 'options', 'end', ...TABLES]);
  const extra = Object.keys(d).find((k) => !known.has(k));
  if (extra) fail('unknown-type', `unknown table "${extra}"`);
  for (const table of TABLES) {
    const list = d[table];
    if (!Array.isArray(list)) fail('invalid-record', `${table}: expected a list of records`);
    (list as unknown[]).forEach((raw, i) => records[table].push(validate(table, raw, `${table}[${i}]`) as never));
  }
  if (d.end === undefined) fail('truncated', 'no "end" with the record counts');
  return { header, records, counts: d.end };
}

function fromFiles(files: Record<string, string>): { header: ExportHeader; records: Records; counts: unknown } {
  if (files['header.json'] === undefined) fail('not-an-export', 'the zip has no header.json');
  const header = checkHeader(parseJson(files['header.json']!, 'header.json'), 'header.json');
  const expected = new Set(['header.json', 'end.json', ...TABLES.map((t) => `${t}.csv`)]);
  const extra = Object.keys(files).find((f) => !expected.has(f));
  if (extra) fail('unknown-type', `unexpected file ${extra} in the zip`);
  const records = emptyRecords();
  for (const table of TABLES) {
    const name = `${table}.csv`;
    const text = files[name];
    if (text === undefined) fail('truncated', `the zip has no ${name}`);
    let rows: ReturnType<typeof csvRecords> = [];
    try {
      rows = csvRecords(table, text!);
    } catch (e) {
      fail('invalid-record', `${name}, ${(e as Error).message}`);
    }
    for (const { line, record } of rows) records[table].push(validate(table, record, `${name} line ${line}`) as never);
  }
  if (files['end.json'] === undefined) fail('truncated', 'the zip has no end.json');
  return { header, records, counts: parseJson(files['end.json']!, 'end.json') };
}

/** The keys and days an export's records must have, so that importing cannot duplicate rows. */
function checkConsistency(records: Records, counts: unknown): void {
  const end = exportEndSchema.safeParse(counts);
  if (!end.success) fail('invalid-record', `end record, ${issueText(end.error)}`);
  for (const t of TABLES) {
    const said = end.data!.counts[t];
    if (said !== records[t].length) fail('truncated', `the end record counts ${said} ${t}, the file has ${records[t].length}`);
  }
  for (const t of TABLES) {
    const ids = new Set<string>();
    for (const r of records[t]) {
      if (ids.has(r.id)) fail('inconsistent', `${RECORD_TYPE[t]} ${r.id} appears twice`);
      ids.add(r.id);
    }
  }
  const visitDay = new Map(records.visits.map((v) => [v.id, dayOf(v.time)]));
  const check = (table: TableName, r: { id: string; visit: string; day: number }, key: string) => {
    const day = visitDay.get(r.visit);
    if (day === undefined) fail('inconsistent', `${RECORD_TYPE[table]} ${r.id} refers to visit ${r.visit}, which is not in the file`);
    if (r.id !== key) fail('inconsistent', `${RECORD_TYPE[table]} ${r.id} should have the key ${key}`);
    if (r.day !== day) fail('inconsistent', `${RECORD_TYPE[table]} ${r.id} has day ${r.day}, its visit day ${day}`);
  };
  for (const c of records.contacts) check('contacts', c, contactKey(c.visit, c.entity));
  for (const s of records.signals) check('signals', s, signalKey(s.visit, s.entity, s));
  for (const a of records.ads) check('ads', a, adKey(a.visit, a.slot));
  for (const r of records.rollups) if (r.id !== rollupKey(r.day, r.entity)) fail('inconsistent', `rollup ${r.id} should have the key ${rollupKey(r.day, r.entity)}`);
}

/** Validates an import with the export's own schemas; the first problem is named. Runs in the background. */
export function parseImport(payload: ImportPayload): ParsedExport | ImportFailure {
  try {
    let parsed: { header: ExportHeader; records: Records; counts: unknown };
    if (payload.kind === 'files') parsed = fromFiles(payload.files);
    else {
      const text = payload.text.replace(/^\uFEFF/, '');
      if (!text.trim()) fail('empty', 'the file is empty');
      if (!text.trimStart().startsWith('{')) fail('not-an-export', 'the file does not start with a JSON object');
      const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
      let ndjson = false;
      try {
        ndjson = (JSON.parse(firstLine) as { type?: unknown })?.type === 'header';
      } catch {
        ndjson = false;
      }
      parsed = ndjson ? fromNdjson(text) : fromDocument(text);
    }
    checkConsistency(parsed.records, parsed.counts);
    return { ok: true, header: parsed.header, records: parsed.records };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, problem: e.problem, detail: e.detail };
    throw e;
  }
}

/**
 * Writes a validated export in one transaction: all or nothing. Records keep their keys and
 * are laid over what is stored (a visit's other contacts stay), so importing the same
 * export twice adds nothing. Rollups are recounted from the contacts rather than trusted.
 */
export async function importParsed(db: HistoryDB, parsed: ParsedExport): Promise<ImportResult> {
  const { records } = parsed;
  const contacts = new Map<string, Contact[]>();
  const signals = new Map<string, SignalRecord[]>();
  for (const c of records.contacts) push(contacts, c.visit, c);
  for (const s of records.signals) push(signals, s.visit, s);
  return db.transaction('rw', [db.visits, db.days, db.ads], async () => {
    const old = await storedVisits(db, records.visits.map((v) => v.id));
    const added = { visits: 0, contacts: 0, signals: 0, ads: 0 };
    const rows = records.visits.map((v, i) => {
      const before = old[i];
      const mine = { contacts: contacts.get(v.id) ?? [], signals: signals.get(v.id) ?? [] };
      const row = storeVisit(v, [...(before?.contacts ?? []), ...mine.contacts.map(storedContact)], [...(before?.signals ?? []), ...mine.signals.map(storedSignal)]);
      added.visits += before ? 0 : 1;
      added.contacts += row.contacts.length - (before?.contacts.length ?? 0);
      added.signals += row.signals.length - (before?.signals.length ?? 0);
      return row;
    });
    await putVisitRows(db, rows, old);
    const existingAds = await db.ads.bulkGet(records.ads.map((a) => a.id));
    added.ads = existingAds.filter((x) => x === undefined).length;
    await db.ads.bulkPut(records.ads);
    return { ok: true as const, added };
  });
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A file's bytes, read, validated and imported: what the dashboard and the background do together. */
export async function importBytes(db: HistoryDB, bytes: Uint8Array): Promise<ImportResult> {
  const read = readImportFile(bytes);
  if (!read.ok) return read;
  const parsed = parseImport(read.payload);
  if (!parsed.ok) return parsed;
  return importParsed(db, parsed);
}
