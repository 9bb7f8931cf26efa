import { defineContentScript } from 'wxt/utils/define-content-script';
import { CallLog, watchCalls } from '@/utils/probe/calls';
import { ElementHooks } from '@/utils/probe/element-hooks';
import { sendToBridge } from '@/utils/probe/emit';
import { inlineFamily } from '@/utils/probe/font-family';
import { hookPage } from '@/utils/probe/hooks';
import { offerLink } from '@/utils/probe/reader-link';
import { TapLine } from '@/utils/probe/taps';

/**
 * Runs in the page's own JavaScript world, before the page's scripts, in every frame: it
 * hooks the APIs whose calls must be seen from the first script on, and keeps what it saw
 * for the reader (probe-reader.content.ts, once the document is parsed), which judges and
 * parses it. Every byte here is compiled before the page's first script can run, so only
 * the hooks are. It has no extension APIs: it can only report to the isolated bridge,
 * which treats everything it hears as untrusted.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main() {
    const listen = EventTarget.prototype.addEventListener;
    const elements = new ElementHooks(globalThis as never);
    const taps = new TapLine(inlineFamily);
    hookPage(elements, taps.tap);
    const calls = new CallLog();
    const wrapLive = watchCalls(globalThis as never, calls, elements);
    offerLink(
      {
        send: sendToBridge,
        onCall: (l) => calls.listen(l),
        wrapLive,
        installAll: () => elements.installAll(),
        connect: (sink) => taps.connect(sink),
      },
      listen,
      document,
    );
  },
});
