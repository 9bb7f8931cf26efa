/**
 * Privacy Badger's idea, reimplemented: a third party we cannot name becomes an
 * "unnamed tracker" once we have seen it set or receive identifiers on three different
 * sites. The state is plain data so the background can store it as it is.
 */
export const LEARNING_THRESHOLD = 3;
const MAX_TRACKERS = 5000;
const MAX_EVIDENCE = 6;

export interface LearnedTracker {
  /** First-party sites on which it handled identifiers (at most the threshold, then it stops growing). */
  sites: string[];
  /** Kinds of identifier handling seen, e.g. "third-party-cookie", "identifier-in-url". */
  evidence: string[];
  lastSeen: number;
}

export type LearningState = Record<string, LearnedTracker>;

export function isLearnedTracker(t: LearnedTracker | undefined): boolean {
  return !!t && t.sites.length >= LEARNING_THRESHOLD;
}

/**
 * Records that `trackerSite` handled an identifier on `firstPartySite`. Returns true when
 * the state changed. Idempotent: seeing the same pair again changes nothing but the time.
 */
export function learn(state: LearningState, trackerSite: string, firstPartySite: string, evidence: string, now: number): boolean {
  if (!trackerSite || !firstPartySite || trackerSite === firstPartySite) return false;
  let t = state[trackerSite];
  if (!t) {
    const keys = Object.keys(state);
    if (keys.length >= MAX_TRACKERS) {
      const oldest = keys.reduce((a, b) => (state[a]!.lastSeen <= state[b]!.lastSeen ? a : b));
      delete state[oldest];
    }
    t = state[trackerSite] = { sites: [], evidence: [], lastSeen: now };
  }
  let changed = false;
  if (!t.sites.includes(firstPartySite) && t.sites.length < LEARNING_THRESHOLD) {
    t.sites.push(firstPartySite);
    changed = true;
  }
  if (!t.evidence.includes(evidence) && t.evidence.length < MAX_EVIDENCE) {
    t.evidence.push(evidence);
    changed = true;
  }
  t.lastSeen = now;
  return changed;
}
