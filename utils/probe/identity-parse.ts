import { fieldOfName } from '../engine/identity';
import type { ProbeFinding } from '../probe-schema';

/**
 * Identity matching set up in the page: pixel ids and the names of the contact fields a
 * page hands to ad platforms (never their values), from the platforms' page APIs
 * (shared/research/signals.md §1, §8.3). Everything read here is hostile: any property
 * may throw, any list be enormous. Pure functions, tested outside a browser.
 */
export type Identity = Extract<ProbeFinding, { kind: 'identity-config' }>;
type Platform = Identity['platform'];

const MAX_QUEUE = 500;
const str = (v: unknown, max = 64): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, max) : undefined);
const list = (v: unknown, max: number): unknown[] => (Array.isArray(v) ? v.slice(0, max) : []);
const keys = (v: unknown): string[] => (v && typeof v === 'object' ? Object.keys(v).slice(0, 24).map((k) => k.slice(0, 64)) : []);
/** In event payloads only the contact fields count: value, currency and the like say nothing about who. */
const contactKeys = (v: unknown): string[] => keys(v).filter((k) => !!fieldOfName(k));

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export function identityFinding(platform: Platform, tag: unknown, fields: string[]): Identity | undefined {
  const t = str(tag);
  return fields.length || t !== undefined ? { kind: 'identity-config', platform, tag: t, fields } : undefined;
}

/**
 * A call to a pixel's function: fbq('init', id, {em…}), snaptr('init', id, {user_email}),
 * twq('config' | 'init', id) and twq('event', id, {email_address}), ttq.identify({email}),
 * lintrk(…, {email}).
 */
export function identityFromCall(fn: string, args: ArrayLike<unknown>): Identity | undefined {
  return attempt(() => {
    const [a, b, c] = [args[0], args[1], args[2]];
    switch (fn) {
      case 'fbq':
        return a === 'init' ? identityFinding('meta', b, keys(c)) : undefined;
      case 'snaptr':
        if (a === 'init') return identityFinding('snap', b, keys(c));
        return a === 'track' ? identityFinding('snap', undefined, contactKeys(c)) : undefined;
      case 'twq':
        if (a === 'config' || a === 'init') return identityFinding('x', b, contactKeys(c));
        return a === 'event' ? identityFinding('x', undefined, contactKeys(c)) : undefined;
      case 'ttq.identify':
        return identityFinding('tiktok', undefined, keys(a));
      case 'lintrk':
        return identityFinding('linkedin', undefined, contactKeys(b ?? a));
    }
    return undefined;
  }, undefined);
}

/**
 * UET's queue holds its commands flat, `uetq.push('set', {pid: {em, ph}})` being two
 * elements; a queue written by hand may hold them as arrays instead.
 */
export function uetFindings(items: ArrayLike<unknown>): Identity[] {
  const out: (Identity | undefined)[] = [];
  const n = Math.min(attempt(() => items.length, 0), MAX_QUEUE);
  for (let i = 0; i < n; i++) {
    attempt(() => {
      const e = items[i];
      if (Array.isArray(e) && e[0] === 'set') out.push(identityFinding('microsoft', undefined, keys((e[1] as { pid?: unknown })?.pid)));
      else if (e === 'set') out.push(identityFinding('microsoft', undefined, keys((items[i + 1] as { pid?: unknown })?.pid)));
    }, undefined);
  }
  return out.filter((x): x is Identity => !!x);
}

/** Criteo OneTag events: {event: 'setAccount', account} names the tag; setEmail / setHashedEmail match a person. */
export function criteoFindings(events: ArrayLike<unknown>): Identity[] {
  const out: (Identity | undefined)[] = [];
  const n = Math.min(attempt(() => events.length, 0), MAX_QUEUE);
  for (let i = 0; i < n; i++) {
    const e = attempt(() => events[i], undefined);
    for (const ev of Array.isArray(e) ? e.slice(0, 50) : [e]) {
      attempt(() => {
        const x = ev as { event?: unknown; account?: unknown };
        if (x?.event === 'setAccount') out.push(identityFinding('criteo', x.account, []));
        if (x?.event === 'setEmail' || x?.event === 'setHashedEmail') out.push(identityFinding('criteo', undefined, ['email']));
      }, undefined);
    }
  }
  return out.filter((x): x is Identity => !!x);
}

export interface Queues {
  dataLayer?: unknown;
  ttq?: unknown;
  criteo_q?: unknown;
  uetq?: unknown;
  _linkedin_partner_id?: unknown;
  _linkedin_data_partner_ids?: unknown;
  lintrk?: unknown;
}

/**
 * Queues pages fill before a library loads: gtag's dataLayer, TikTok's ttq (with its
 * pixel ids in ttq._i), Criteo's criteo_q, UET's uetq, LinkedIn's partner ids and lintrk.q.
 */
export function identityFromQueues(g: Queues): Identity[] {
  const out: (Identity | undefined)[] = [];
  for (const e of attempt(() => list(g.dataLayer, MAX_QUEUE), [])) {
    const x = e as Record<number, unknown>;
    attempt(() => {
      if (x?.[0] === 'set' && x[1] === 'user_data') out.push(identityFinding('google', undefined, keys(x[2])));
      if (x?.[0] === 'config' && typeof x[1] === 'string' && x[1].startsWith('AW-')) out.push(identityFinding('google', x[1], []));
    }, undefined);
  }
  for (const e of attempt(() => list(g.ttq, MAX_QUEUE), [])) {
    attempt(() => Array.isArray(e) && e[0] === 'identify' && out.push(identityFinding('tiktok', undefined, keys(e[1]))), undefined);
  }
  for (const id of attempt(() => keys((g.ttq as { _i?: unknown } | undefined)?._i).slice(0, 5), [])) out.push(identityFinding('tiktok', id, []));
  if (attempt(() => Array.isArray(g.criteo_q), false)) out.push(...criteoFindings(g.criteo_q as unknown[]));
  if (attempt(() => Array.isArray(g.uetq), false)) out.push(...uetFindings(g.uetq as unknown[]));
  const li = attempt(() => g._linkedin_partner_id, undefined);
  if (li !== undefined) out.push(identityFinding('linkedin', li, []));
  for (const id of attempt(() => list(g._linkedin_data_partner_ids, 10), [])) out.push(identityFinding('linkedin', id, []));
  for (const call of attempt(() => list((g.lintrk as { q?: unknown } | undefined)?.q, MAX_QUEUE), [])) {
    out.push(attempt(() => (Array.isArray(call) ? identityFromCall('lintrk', call) : undefined), undefined));
  }
  return out.filter((x): x is Identity => !!x);
}

/** Yandex Metrica records sessions (Webvisor) only when its init params say webvisor: true. */
export function webvisorEnabled(calls: unknown): boolean {
  return attempt(() => list(calls, 50).some((c) => attempt(() => {
    const args = c as ArrayLike<unknown>;
    return args[1] === 'init' && !!(args[2] as { webvisor?: unknown } | undefined)?.webvisor;
  }, false)), false);
}
