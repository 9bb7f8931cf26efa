import { defineContentScript } from 'wxt/utils/define-content-script';
import { CallLog, watchCalls } from '@/utils/probe/calls';
import { ElementHooks } from '@/utils/probe/element-hooks';
import { replayWhenBridgeReady, sendToBridge } from '@/utils/probe/emit';
import { watchFingerprinting } from '@/utils/probe/fingerprint';
import { watchKeyListeners } from '@/utils/probe/listeners';
import { offerLink } from '@/utils/probe/reader-link';

/**
 * Runs in the page's own JavaScript world, before the page's scripts, in every frame: it
 * wraps the APIs whose calls must be seen from the first script on, and keeps what the
 * reader (probe-reader.content.ts, once the document is parsed) will parse. It has no
 * extension APIs: it can only report to the isolated bridge, which treats everything it
 * hears as untrusted.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main() {
    const listen = EventTarget.prototype.addEventListener;
    replayWhenBridgeReady();
    const elements = new ElementHooks(globalThis as never);
    watchFingerprinting(elements);
    watchKeyListeners(elements);
    const calls = new CallLog();
    const wrapLive = watchCalls(globalThis as never, calls, elements);
    offerLink(
      { send: sendToBridge, onCall: (l) => calls.listen(l), wrapLive, installAll: () => elements.installAll() },
      listen,
      document,
    );
  },
});
