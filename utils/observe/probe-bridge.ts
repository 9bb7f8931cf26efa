import { sendToBackground } from '../content-messaging';
import { BRIDGE_READY_EVENT, PROBE_EVENT } from '../probe-event';
import type { ProbeFinding } from '../probe-schema';
import { BridgeGate } from './bridge-gate';
import { campaignFromDom } from '../probe/campaign-dom';
import { noteAdUnit } from './ad-slots';

const SEND_EVERY_MS = 500;
const MAX_PER_MESSAGE = 100;

/**
 * The isolated side of the page probe. Everything the main world says is untrusted: the
 * gate (bridge-gate.ts) size-checks, kind-checks, deduplicates, rate-limits and caps it,
 * then it is forwarded in batches; the background validates each finding against its zod
 * schema before using it. A page can forge events, so this can only ever make the
 * extension record bounded findings about the page's own tab.
 */
export function bridgeProbe(): void {
  const gate = new BridgeGate(() => performance.now());
  let queue: ProbeFinding[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sawTcf = false;

  const flush = () => {
    timer = undefined;
    const findings = queue.slice(0, MAX_PER_MESSAGE);
    queue = queue.slice(MAX_PER_MESSAGE);
    if (findings.length) {
      sendToBackground({ type: 'probe', findings });
    }
    if (queue.length) timer = setTimeout(flush, SEND_EVERY_MS);
  };
  const forward = (finding: ProbeFinding | undefined) => {
    if (!finding) return;
    if (finding.kind === 'tcf' && finding.tcString) sawTcf = true;
    // Prebid names its slots by ad unit code, usually the id of the slot's element.
    if ((finding.kind === 'bid' || finding.kind === 'auction') && typeof finding.slot === 'string') noteAdUnit(finding.slot);
    queue.push(finding);
    timer ??= setTimeout(flush, SEND_EVERY_MS);
  };

  document.addEventListener(PROBE_EVENT, (event) => forward(gate.admitEvent((event as CustomEvent<unknown>).detail)));
  // Now listening: ask the probe for what it found before this script ran.
  document.dispatchEvent(new CustomEvent(BRIDGE_READY_EVENT));

  // Once, at load: the campaign platforms' markup is in the page by then.
  const readDom = () => {
    for (const f of campaignFromDom(document)) forward(gate.admit(f, JSON.stringify(f)));
  };
  const loaded = () => {
    readDom();
    // No CMP API answered: the TC string may still be in the usual cookie.
    setTimeout(() => {
      const m = /(?:^|;\s*)euconsent-v2=([A-Za-z0-9_.-]{1,8192})/.exec(document.cookie);
      if (!sawTcf && m) forward(gate.admit({ kind: 'tcf', tcString: m[1]!, eventStatus: 'cookie' }, 'cookie-tcf'));
    }, 4000);
  };
  if (document.readyState === 'complete') loaded();
  else addEventListener('load', loaded, { once: true });
  addEventListener('pagehide', flush);
}
