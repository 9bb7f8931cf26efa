import { defineContentScript } from 'wxt/utils/define-content-script';
import { replayWhenBridgeReady } from '@/utils/probe/emit';
import { watchFingerprinting } from '@/utils/probe/fingerprint';
import { watchGlobals } from '@/utils/probe/globals';
import { watchKeyListeners } from '@/utils/probe/listeners';

/**
 * Runs in the page's own JavaScript world, before the page's scripts, in every frame.
 * It has no extension APIs: it can only report to the isolated bridge, which treats
 * everything it hears as untrusted.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main() {
    replayWhenBridgeReady();
    watchFingerprinting();
    watchKeyListeners();
    watchGlobals();
  },
});
