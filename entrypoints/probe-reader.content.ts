import { defineContentScript } from 'wxt/utils/define-content-script';
import { replayWhenBridgeReady, sendThrough } from '@/utils/probe/emit';
import { readGlobals } from '@/utils/probe/globals';
import { requestLink } from '@/utils/probe/reader-link';
import { judgeTaps } from '@/utils/probe/rules';

/**
 * The main-world probe's second half, in the page's world once the document is parsed:
 * judges what the probe's hooks (probe.content.ts) saw, fingerprinting and key logging,
 * parses the calls it kept, and reads consent, auctions, ad slots, replay and campaign
 * globals. Kept out of document start, where every byte of script costs the page compile
 * time before its first script can run.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_end',
  main() {
    const link = requestLink(document);
    if (link) {
      sendThrough((detail) => {
        try {
          link.send(detail);
        } catch {
          /* a page's forged link */
        }
      });
      try {
        link.connect(judgeTaps());
      } catch {
        /* a page's forged link */
      }
    }
    replayWhenBridgeReady();
    readGlobals(link);
  },
});
