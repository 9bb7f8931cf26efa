import { BRIDGE_READY_EVENT, PROBE_EVENT } from '../probe-event';
import type { ProbeFinding } from '../probe-schema';

// Captured before any page script runs (the probe runs at document_start), so a page
// cannot intercept our reports by replacing these later.
const dispatch = EventTarget.prototype.dispatchEvent;
const Custom = CustomEvent;
const stringify = JSON.stringify;
const doc = document;

const MAX_REPORTS = 400;
const MAX_REPLAYS = 5;
const sent = new Set<string>();
let replays = 0;

/** Dispatches a serialized finding to the bridge, with what this script captured when it started. */
export function sendToBridge(detail: string): void {
  dispatch.call(doc, new Custom(PROBE_EVENT, { detail }));
}
let send = sendToBridge;

/**
 * Sends this script's findings with `other` instead: the reader, which starts after the
 * page's first scripts, uses the probe's, captured at document start. Deduplication and
 * the cap stay this script's own, so that nothing sent through the probe's link can use
 * up the probe's.
 */
export function sendThrough(other: (detail: string) => void): void {
  send = other;
}

/** Sends a finding to the isolated bridge, once per distinct finding and page. */
export function emit(finding: ProbeFinding): void {
  try {
    const detail = stringify(finding);
    if (sent.has(detail) || sent.size >= MAX_REPORTS) return;
    sent.add(detail);
    send(detail);
  } catch {
    /* never disturb the page */
  }
}

/**
 * The bridge starts only once the document is parsed, to keep document start cheap:
 * findings made before then are sent again when it says it is listening.
 */
export function replayWhenBridgeReady(): void {
  doc.addEventListener(BRIDGE_READY_EVENT, () => {
    if (replays++ >= MAX_REPLAYS) return;
    try {
      for (const detail of sent) send(detail);
    } catch {
      /* never disturb the page */
    }
  });
}
