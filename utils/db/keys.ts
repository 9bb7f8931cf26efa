import { shortHash } from '../tabs/hash';

/**
 * Deterministic keys: writing the same visit again, after a worker restart or an import
 * of the same export, replaces rows instead of adding them. A visit's key holds no site,
 * so keys reveal nothing an anonymised export hides.
 */
export function visitKey(tabId: number, startedAt: number): string {
  return `${Math.floor(startedAt)}-${tabId}`;
}

export function contactKey(visit: string, entity: string): string {
  return `${visit}|${entity}`;
}

export function signalKey(visit: string, entity: string, s: { kind: string; detail?: string; evidence: readonly string[] }): string {
  return `${visit}|${entity}|${shortHash(`${s.kind}|${s.detail ?? ''}|${s.evidence.join(',')}`)}`;
}

export function adKey(visit: string, slot: string): string {
  return `${visit}|${slot}`;
}

export function rollupKey(day: number, entity: string): string {
  return `${day}|${entity}`;
}
