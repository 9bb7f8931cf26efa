import type { RequestBody } from './types';

/** Parameters we look at in one request; a 100 kB URL is read no further. */
const MAX_PARAMS = 256;
const MAX_VALUE = 4096;
const MAX_NAME = 128;
const MAX_JSON_DEPTH = 6;
const MAX_BODY = 64 * 1024;

export type Param = readonly [name: string, value: string];

function decode(s: string): string {
  const plus = s.includes('+');
  if (!plus && !s.includes('%')) return s;
  try {
    return decodeURIComponent(plus ? s.replaceAll('+', ' ') : s);
  } catch {
    return s;
  }
}

/** Splits a query or form body into decoded name/value pairs, bounded in count and size. */
export function parseParams(query: string, out: Param[] = []): Param[] {
  if (!query) return out;
  let start = 0;
  while (start <= query.length && out.length < MAX_PARAMS) {
    let end = query.indexOf('&', start);
    if (end === -1) end = query.length;
    if (end > start) {
      const eq = query.indexOf('=', start);
      const hasValue = eq !== -1 && eq < end;
      const name = decode(query.slice(start, Math.min(hasValue ? eq : end, start + MAX_NAME)));
      const value = hasValue ? decode(query.slice(eq + 1, Math.min(end, eq + 1 + MAX_VALUE))) : '';
      out.push([name, value]);
    }
    start = end + 1;
  }
  return out;
}

function flattenJson(value: unknown, path: string, depth: number, out: Param[]): void {
  if (out.length >= MAX_PARAMS || depth > MAX_JSON_DEPTH) return;
  if (typeof value === 'string') out.push([path, value.slice(0, MAX_VALUE)]);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push([path, String(value)]);
  else if (Array.isArray(value)) value.slice(0, 32).forEach((v) => flattenJson(v, path, depth + 1, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value).slice(0, 64)) flattenJson(v, (path ? `${path}.${k}` : k).slice(0, MAX_NAME), depth + 1, out);
  }
}

/** Name/value pairs of a POST body: form fields, JSON leaves (as dotted paths) or url-encoded text. */
export function bodyParams(body: RequestBody | undefined, out: Param[] = []): Param[] {
  if (!body) return out;
  if (body.formData) {
    for (const [name, values] of Object.entries(body.formData).slice(0, MAX_PARAMS)) {
      for (const v of values.slice(0, 4)) out.push([name.slice(0, MAX_NAME), String(v).slice(0, MAX_VALUE)]);
    }
  }
  const text = body.text?.slice(0, MAX_BODY).trim();
  if (text) {
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        flattenJson(JSON.parse(text), '', 0, out);
      } catch {
        /* not JSON after all: nothing we can read */
      }
    } else if (/^[^\s=&]+=/.test(text)) {
      parseParams(text, out);
    }
  }
  return out;
}
