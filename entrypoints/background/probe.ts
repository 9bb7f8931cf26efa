import { classifyRequest } from '@/utils/engine';
import type { ProbeReport } from '@/utils/messages';
import { recordFinding } from '@/utils/tabs/page-findings';
import { TabBuckets } from '@/utils/tabs/rate-limit';
import type { TabStore } from './tab-store';

/**
 * Per tab, whatever the number of frames: at most a burst of 400 findings, then 40 a
 * second, counted before a report is even parsed; and a burst of 20 TC strings, then one
 * every two seconds, counted before one is decoded.
 */
export const probeFindings = new TabBuckets(400, 40);
const tcStrings = new TabBuckets(20, 0.5);

/** Whether a raw message from a tab may go on to be parsed: spends its findings' tokens. */
export function admitProbe(tabId: number, raw: unknown): boolean {
  const findings = (raw as { findings?: unknown } | null)?.findings;
  return probeFindings.take(tabId, Array.isArray(findings) ? Math.max(1, Math.min(findings.length, 100)) : 1);
}

/** Merges what a frame's probe found into its tab, attributed to the frame's origin. */
export function handleProbe(store: TabStore, tabId: number, origin: string, top: boolean, report: ProbeReport): Promise<void> {
  return store.run(() => {
    const state = store.get(tabId);
    if (!state) return;
    let changed = false;
    for (const f of report.findings) {
      if (f.kind === 'tcf' && f.tcString && !tcStrings.take(tabId)) continue;
      changed = recordFinding(state.page, f, origin, (url) => classifyRequest({ url, documentUrl: state.url }), top) || changed;
    }
    if (changed) store.changed(tabId);
  });
}
