import { classifyRequest } from '@/utils/engine';
import type { ProbeReport } from '@/utils/messages';
import { recordFinding } from '@/utils/tabs/page-findings';
import { TabBuckets } from '@/utils/tabs/rate-limit';
import type { TabStore } from './tab-store';

/**
 * Per tab, whatever the number of frames: at most a burst of 400 findings, then 40 a
 * second, counted before a report is even parsed; and a burst of 20 TC strings, then one
 * every two seconds, counted before one is decoded. The top frame has a bucket of its own
 * (its bridge already limits it), so that a page's frames, however many, cannot crowd out
 * what the top frame reports, such as its consent.
 */
export const probeFindings = new TabBuckets(400, 40);
export const topFrameFindings = new TabBuckets(400, 40);
const tcStrings = new TabBuckets(20, 0.5);
const topTcStrings = new TabBuckets(20, 0.5);

const droppedByTab = new Map<number, number>();

/**
 * Whether a raw message from a tab may go on to be parsed: spends its findings' tokens.
 * What is dropped is counted, and written to the tab at most once per batch of drops, so
 * that the popup can say the page's findings may be incomplete.
 */
export function admitProbe(store: TabStore, tabId: number, top: boolean, raw: unknown): boolean {
  const findings = (raw as { findings?: unknown } | null)?.findings;
  const n = Array.isArray(findings) ? Math.max(1, Math.min(findings.length, 100)) : 1;
  if ((top ? topFrameFindings : probeFindings).take(tabId, n)) return true;
  const pending = droppedByTab.get(tabId);
  droppedByTab.set(tabId, (pending ?? 0) + n);
  if (pending === undefined) {
    void store.run(() => {
      const state = store.get(tabId);
      const dropped = droppedByTab.get(tabId) ?? 0;
      droppedByTab.delete(tabId);
      if (!state || !dropped) return;
      state.page.dropped = Math.min((state.page.dropped ?? 0) + dropped, 1e9);
      store.changed(tabId);
    });
  }
  return false;
}

/** Merges what a frame's probe found into its tab, attributed to the frame's origin. */
export function handleProbe(store: TabStore, tabId: number, origin: string, top: boolean, report: ProbeReport): Promise<void> {
  return store.run(() => {
    const state = store.get(tabId);
    if (!state) return;
    let changed = false;
    for (const f of report.findings) {
      if (f.kind === 'tcf' && f.tcString && !(top ? topTcStrings : tcStrings).take(tabId)) continue;
      changed = recordFinding(state.page, f, origin, (url) => classifyRequest({ url, documentUrl: state.url }), top) || changed;
    }
    if (changed) store.changed(tabId);
  });
}
