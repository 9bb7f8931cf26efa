import { looksLikeIdentifier } from './signals';
import type { Signal } from './types';

const MAX_COOKIES = 32;

function lifetime(attrs: string[]): number | undefined {
  for (const a of attrs) {
    const [k, v = ''] = a.split('=');
    const key = k!.trim().toLowerCase();
    if (key === 'max-age' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
    if (key === 'expires') {
      const t = Date.parse(v.trim());
      if (!Number.isNaN(t)) return Math.round((t - Date.now()) / 1000);
    }
  }
  return undefined;
}

/**
 * Cookies a third party set in its response. We keep names and how long they live;
 * the value is read only to decide whether it could identify someone, then dropped.
 */
export function cookieSignal(setCookieHeaders: readonly string[]): { signal?: Signal; identifying: boolean } {
  const names: string[] = [];
  let identifying = false;
  let longest = 0;
  for (const header of setCookieHeaders.slice(0, MAX_COOKIES)) {
    for (const line of header.split('\n')) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim().slice(0, 64);
      const value = pair.slice(eq + 1).trim();
      const life = lifetime(attrs);
      if (life !== undefined && life <= 0) continue; // a deletion
      if (!names.includes(name)) names.push(name);
      longest = Math.max(longest, life ?? 0);
      if (looksLikeIdentifier(value)) identifying = true;
    }
  }
  if (!names.length) return { identifying: false };
  const days = Math.round(longest / 86400);
  return {
    identifying,
    signal: {
      kind: 'third-party-cookie',
      provenance: 'observed',
      evidence: names.slice(0, 12),
      detail: days >= 1 ? `${days}d` : 'session',
    },
  };
}
