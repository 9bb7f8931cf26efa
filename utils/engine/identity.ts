import type { Param } from './params';
import type { IdentityField, Signal } from './types';

// Parameter names ad platforms use for contact details, by the key's last segment
// (`ud[em]` → em, `context.user.email` → email). Sources: shared/research/signals.md §1.
const FIELD_BY_NAME: Record<string, IdentityField> = {
  em: 'email',
  email: 'email',
  e_mail: 'email',
  email_address: 'email',
  user_email: 'email',
  hashed_email: 'email',
  email_sha256: 'email',
  sha256_email: 'email',
  sha256_email_address: 'email',
  u_hem: 'email',
  hem: 'email',
  ph: 'phone',
  phone: 'phone',
  phone_number: 'phone',
  user_phone_number: 'phone',
  sha256_phone_number: 'phone',
  eb_phone_number: 'phone',
  u_hpn: 'phone',
  fn: 'first-name',
  first_name: 'first-name',
  sha256_first_name: 'first-name',
  ln: 'last-name',
  last_name: 'last-name',
  sha256_last_name: 'last-name',
  db: 'birth-date',
  ge: 'gender',
  ct: 'city',
  st: 'region',
  zp: 'postcode',
  postal_code: 'postcode',
  country: 'country',
  external_id: 'external-id',
};

/** The kind of personal data a field name stands for (em, sha256_email_address, user_email …). */
export function fieldOfName(name: string): IdentityField | undefined {
  return FIELD_BY_NAME[name.toLowerCase()];
}

// Short names (em, ph, fn …) mean identity only where a platform is known to use them.
const AMBIGUOUS = new Set(['em', 'ph', 'fn', 'ln', 'db', 'ge', 'ct', 'st', 'zp', 'country', 'hem']);

// Google's enhanced-conversions wire format: em=tv.1~em.<hash>~pn.<hash>~fn0.<hash>…
const GOOGLE_TOKENS: Record<string, IdentityField> = {
  em: 'email',
  pn: 'phone',
  fn: 'first-name',
  ln: 'last-name',
  sa: 'street',
  ct: 'city',
  re: 'region',
  pc: 'postcode',
  co: 'country',
};

const HASH = /^(?:[a-f0-9]{64}|[a-f0-9]{40}|[a-f0-9]{32}|[A-Za-z0-9+/_-]{43}=?)$/i;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,}$/i;

interface Found {
  fields: IdentityField[];
  evidence: string[];
}
const NONE: Signal[] = [];

function add(into: Found | undefined, fields: IdentityField[], name: string): Found {
  into ??= { fields: [], evidence: [] };
  for (const f of fields) if (!into.fields.includes(f)) into.fields.push(f);
  if (!into.evidence.includes(name) && into.evidence.length < 12) into.evidence.push(name);
  return into;
}

/** `ud[em]` → em (wrapped), `context.user.email` → email (wrapped), `email` → email. */
function keyOf(name: string): { key: string; wrapped: boolean } {
  if (FIELD_BY_NAME[name] !== undefined) return { key: name, wrapped: false };
  if (name.endsWith(']')) {
    const open = name.lastIndexOf('[');
    if (open !== -1 && open < name.length - 2) return { key: name.slice(open + 1, -1).toLowerCase(), wrapped: true };
  }
  const dot = name.lastIndexOf('.');
  return { key: (dot === -1 ? name : name.slice(dot + 1)).toLowerCase(), wrapped: dot !== -1 };
}

function googleTokens(value: string): IdentityField[] {
  const fields: IdentityField[] = [];
  for (const token of value.split('~').slice(1, 32)) {
    const m = /^([a-z]+)\d*\.(.+)$/.exec(token);
    const field = m && GOOGLE_TOKENS[m[1]!];
    if (field && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

/**
 * Finds contact details sent to a third party. `platform` says the receiving endpoint is
 * a known identity-matching endpoint, where short names like `em` are unambiguous.
 */
export function identitySignals(params: readonly Param[], platform: boolean): Signal[] {
  let hashed: Found | undefined;
  let plain: Found | undefined;
  for (const [name, value] of params) {
    if (!value) continue;
    if (value.startsWith('tv.1~')) {
      const fields = googleTokens(value);
      if (fields.length) hashed = add(hashed, fields, name);
      continue;
    }
    const { key, wrapped } = keyOf(name);
    const field = FIELD_BY_NAME[key];
    if (!field) continue;
    const trusted = platform || wrapped || !AMBIGUOUS.has(key);
    if (HASH.test(value)) {
      if (trusted) hashed = add(hashed, [field], name);
    } else if (field === 'email' && EMAIL.test(value)) {
      plain = add(plain, [field], name);
    } else if (platform && wrapped && value.length > 1) {
      plain = add(plain, [field], name);
    }
  }
  if (!hashed && !plain) return NONE;
  const out: Signal[] = [];
  if (hashed) out.push({ kind: 'hashed-identity', provenance: 'observed', ...hashed });
  if (plain) out.push({ kind: 'plain-identity', provenance: 'observed', ...plain });
  return out;
}
