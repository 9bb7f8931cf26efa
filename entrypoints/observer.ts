import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bridgeProbe } from '@/utils/observe/probe-bridge';
import { watchResourceTiming } from '@/utils/observe/resource-timing';
import { reportAdFrame } from '@/utils/observe/ad-frames';
import { watchAdSlots } from '@/utils/observe/ad-slots';
import { reportPageText } from '@/utils/observe/page-text';

// The isolated-world content script of every frame (declared in wxt.config.ts): what the
// frame loaded, and what the main-world probe reports. Built as a plain script, without
// WXT's content-script context, because it runs in every frame of every page.
export default defineUnlistedScript(() => {
  watchResourceTiming();
  bridgeProbe();
  // The top frame: the page's text and its ad slots. Other frames: what an ad says about itself.
  reportPageText();
  watchAdSlots();
  reportAdFrame();
});
