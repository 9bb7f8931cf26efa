import { PROBE_EVENT } from '../probe-event';
import type { ProbeFinding } from '../probe-schema';

// Captured before any page script runs (the probe runs at document_start), so a page
// cannot intercept our reports by replacing these later.
const dispatch = EventTarget.prototype.dispatchEvent;
const Custom = CustomEvent;
const stringify = JSON.stringify;
const doc = document;

const MAX_REPORTS = 400;
const sent = new Set<string>();

/** Sends a finding to the isolated bridge, once per distinct finding and page. */
export function emit(finding: ProbeFinding): void {
  try {
    const detail = stringify(finding);
    if (sent.has(detail) || sent.size >= MAX_REPORTS) return;
    sent.add(detail);
    dispatch.call(doc, new Custom(PROBE_EVENT, { detail }));
  } catch {
    /* never disturb the page */
  }
}
