import { MAX_EVENT_CHARS, PROBE_KINDS } from '../probe-event';
import type { ProbeFinding } from '../probe-schema';

export interface GateLimits {
  /** A page may report a burst of this many findings… */
  burst: number;
  /** …then this many a second. */
  perSecond: number;
  /** Findings per page, at most. */
  maxPerPage: number;
  /** Largest serialized event even looked at. */
  maxChars: number;
}

export const BRIDGE_LIMITS: GateLimits = { burst: 100, perSecond: 20, maxPerPage: 500, maxChars: MAX_EVENT_CHARS };

/**
 * What the isolated bridge lets through of what the main world says. Everything is
 * untrusted: an event is size-checked before it is parsed, must be JSON of a known kind,
 * is dropped if seen before, and spends a token (a burst, then a steady rate), within a
 * cap per page. The background checks each finding's shape with its zod schema and
 * limits the tab as a whole.
 */
export class BridgeGate {
  private readonly seen = new Set<string>();
  private tokens: number;
  private last: number;

  constructor(
    private readonly now: () => number,
    private readonly limits: GateLimits = BRIDGE_LIMITS,
  ) {
    this.tokens = limits.burst;
    this.last = now();
  }

  /** An event's detail: the finding to forward, or undefined. */
  admitEvent(detail: unknown): ProbeFinding | undefined {
    if (typeof detail !== 'string' || detail.length > this.limits.maxChars || this.seen.has(detail)) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(detail);
    } catch {
      return undefined;
    }
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !PROBE_KINDS.has(kind)) return undefined;
    return this.admit(value as ProbeFinding, detail);
  }

  /** A finding under a key that identifies it (its JSON): forwarded once, within the limits. */
  admit(finding: ProbeFinding, key: string): ProbeFinding | undefined {
    if (this.seen.has(key) || this.seen.size >= this.limits.maxPerPage) return undefined;
    const t = this.now();
    this.tokens = Math.min(this.limits.burst, this.tokens + (Math.max(0, t - this.last) / 1000) * this.limits.perSecond);
    this.last = t;
    if (this.tokens < 1) return undefined;
    this.tokens--;
    this.seen.add(key);
    return finding;
  }
}
