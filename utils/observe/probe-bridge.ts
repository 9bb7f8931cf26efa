import { sendToBackground } from '../content-messaging';
import { BRIDGE_READY_EVENT, MAX_EVENT_CHARS, PROBE_EVENT, PROBE_KINDS } from '../probe-event';
import type { ProbeFinding } from '../probe-schema';
import { campaignFromDom } from '../probe/campaign-dom';
import { noteAdUnit } from './ad-slots';

const SEND_EVERY_MS = 500;
const MAX_PER_MESSAGE = 100;
const MAX_PER_PAGE = 500;
// Token bucket: a page may report a burst of 100 findings, then 20 a second.
const BURST = 100;
const PER_SECOND = 20;

/**
 * The isolated side of the page probe. Everything the main world says is untrusted:
 * events are size-checked before parsing, must be of a known kind, are deduplicated,
 * rate-limited and capped, then forwarded in batches; the background validates each
 * finding against its zod schema before using it. A page can forge events, so this can
 * only ever make the extension record bounded findings about the page's own tab.
 */
export function bridgeProbe(): void {
  const seen = new Set<string>();
  let queue: ProbeFinding[] = [];
  let tokens = BURST;
  let last = performance.now();
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
  const accept = (finding: ProbeFinding, key: string) => {
    if (seen.has(key) || seen.size >= MAX_PER_PAGE) return;
    const now = performance.now();
    tokens = Math.min(BURST, tokens + ((now - last) / 1000) * PER_SECOND);
    last = now;
    if (tokens < 1) return;
    tokens--;
    seen.add(key);
    if (finding.kind === 'tcf' && finding.tcString) sawTcf = true;
    // Prebid names its slots by ad unit code, usually the id of the slot's element.
    if ((finding.kind === 'bid' || finding.kind === 'auction') && typeof finding.slot === 'string') noteAdUnit(finding.slot);
    queue.push(finding);
    timer ??= setTimeout(flush, SEND_EVERY_MS);
  };

  document.addEventListener(PROBE_EVENT, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string' || detail.length > MAX_EVENT_CHARS || seen.has(detail)) return;
    let value: unknown;
    try {
      value = JSON.parse(detail);
    } catch {
      return;
    }
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (typeof kind === 'string' && PROBE_KINDS.has(kind)) accept(value as ProbeFinding, detail);
  });
  // Now listening: ask the probe for what it found before this script ran.
  document.dispatchEvent(new CustomEvent(BRIDGE_READY_EVENT));

  // Once, at load: the campaign platforms' markup is in the page by then.
  const readDom = () => {
    for (const f of campaignFromDom(document)) accept(f, JSON.stringify(f));
  };
  const loaded = () => {
    readDom();
    // No CMP API answered: the TC string may still be in the usual cookie.
    setTimeout(() => {
      const m = /(?:^|;\s*)euconsent-v2=([A-Za-z0-9_.-]{1,8192})/.exec(document.cookie);
      if (!sawTcf && m) accept({ kind: 'tcf', tcString: m[1]!, eventStatus: 'cookie' }, 'cookie-tcf');
    }, 4000);
  };
  if (document.readyState === 'complete') loaded();
  else addEventListener('load', loaded, { once: true });
  addEventListener('pagehide', flush);
}
