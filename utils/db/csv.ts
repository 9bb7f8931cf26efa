import type { z } from 'zod';
import { RECORD_SCHEMAS, type TableName } from './records';

/** How a column is written to and read from CSV: lists and objects as JSON text. */
type ColumnKind = 'string' | 'number' | 'json';

interface ZodDefLike {
  _zod: { def: { type: string; innerType?: ZodDefLike } };
}

function kindOf(schema: ZodDefLike): ColumnKind {
  let s = schema;
  while (s._zod.def.type === 'optional' && s._zod.def.innerType) s = s._zod.def.innerType;
  const t = s._zod.def.type;
  if (t === 'number') return 'number';
  if (t === 'string' || t === 'enum' || t === 'literal') return 'string';
  return 'json';
}

/** The columns of a table's CSV file, in the order of its schema. */
export function csvColumns(table: TableName): { name: string; kind: ColumnKind }[] {
  const shape = (RECORD_SCHEMAS[table] as z.ZodObject).shape as Record<string, ZodDefLike>;
  return Object.entries(shape).map(([name, schema]) => ({ name, kind: kindOf(schema) }));
}

function cell(value: unknown, kind: ColumnKind): string {
  if (value === undefined || value === null) return '';
  const text = kind === 'json' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(table: TableName): string {
  return csvColumns(table).map((c) => c.name).join(',') + '\r\n';
}

export function csvRows(table: TableName, rows: readonly object[]): string {
  const cols = csvColumns(table);
  let out = '';
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    out += cols.map((c) => cell(r[c.name], c.kind)).join(',') + '\r\n';
  }
  return out;
}

/** RFC 4180 CSV into rows of cells. Throws on an unterminated quote (a file cut short). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cellText = '';
  let i = 0;
  let quoted = false;
  let any = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cellText += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cellText += ch;
      i++;
      continue;
    }
    if (ch === '"' && cellText === '') {
      quoted = true;
      any = true;
    } else if (ch === ',') {
      row.push(cellText);
      cellText = '';
      any = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cellText);
      rows.push(row);
      row = [];
      cellText = '';
      any = false;
    } else {
      cellText += ch;
      any = true;
    }
    i++;
  }
  if (quoted) throw new Error('a quoted cell is not closed');
  if (any || cellText) {
    row.push(cellText);
    rows.push(row);
  }
  return rows;
}

/**
 * The records of one table's CSV text, typed by column; throws with the line number when a
 * cell cannot be read. Schema validation happens afterwards, on the records.
 */
export function csvRecords(table: TableName, text: string): { line: number; record: Record<string, unknown> }[] {
  const rows = parseCsv(text);
  const cols = csvColumns(table);
  const head = rows[0];
  if (!head || head.join(',') !== cols.map((c) => c.name).join(',')) throw new Error(`line 1: the columns must be ${cols.map((c) => c.name).join(',')}`);
  return rows.slice(1).map((cells, k) => {
    const line = k + 2;
    if (cells.length !== cols.length) throw new Error(`line ${line}: ${cells.length} cells, expected ${cols.length}`);
    const record: Record<string, unknown> = {};
    cols.forEach((c, j) => {
      const v = cells[j]!;
      if (v === '') return;
      if (c.kind === 'number') record[c.name] = v.trim() === '' || Number.isNaN(Number(v)) ? v : Number(v);
      else if (c.kind === 'json') {
        try {
          record[c.name] = JSON.parse(v);
        } catch {
          throw new Error(`line ${line}: column ${c.name} is not JSON`);
        }
      } else record[c.name] = v;
    });
    return { line, record };
  });
}
