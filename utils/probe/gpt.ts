import type { ProbeFinding } from '../probe-schema';
import { configTargetingKeys, gptSlotFinding } from './parse';

const MAX_SLOTS = 30;
const MAX_EVENTS = 200;

/** Page-level keys: pubads().setTargeting and the newer googletag.setConfig({targeting}). */
function pageKeys(gt: any, pubads: any): string[] {
  const old = typeof pubads.getTargetingKeys === 'function' ? pubads.getTargetingKeys() : [];
  return [...(Array.isArray(old) ? old.slice(0, 50) : []), ...configTargetingKeys(gt.getConfig, gt)];
}

/** A page-level key's values, for the segment names among them. */
function pageValue(pubads: any): ((key: string) => unknown) | undefined {
  return typeof pubads.getTargeting === 'function' ? (k: string) => pubads.getTargeting(k) : undefined;
}

/**
 * Google Publisher Tag: each slot with its element id, targeting keys and who filled it.
 * Read when the page's globals are read, and when GPT tells its own listeners that a slot
 * was filled (slotRenderEnded) or its creative loaded (slotOnload), so slots filled late,
 * lazily or on refresh are read then too. Returns the reading function; `w` is the page's
 * window. Nothing here may throw into GPT.
 */
export function gptReader(w: Record<string, any>, emit: (f: ProbeFinding) => void): () => void {
  let listening = false;
  let events = 0;
  const listen = (gt: any, pubads: any) => {
    if (listening || typeof pubads.addEventListener !== 'function') return;
    listening = true;
    const onEvent = (event: { slot?: unknown }) => {
      try {
        if (events++ >= MAX_EVENTS || !event?.slot) return;
        const f = gptSlotFinding(event.slot as never, pageKeys(gt, pubads), pageValue(pubads), event);
        if (f) emit(f);
      } catch {
        /* never throw into GPT */
      }
    };
    pubads.addEventListener('slotRenderEnded', onEvent);
    pubads.addEventListener('slotOnload', onEvent);
  };
  return () => {
    const gt = w.googletag;
    if (!gt || typeof gt.pubads !== 'function' || !gt.apiReady) return;
    const pubads = gt.pubads();
    if (!pubads) return;
    listen(gt, pubads);
    const slots = pubads.getSlots?.();
    if (!Array.isArray(slots) || !slots.length) return;
    const keys = pageKeys(gt, pubads);
    const value = pageValue(pubads);
    for (const slot of slots.slice(0, MAX_SLOTS)) {
      const f = gptSlotFinding(slot, keys, value);
      if (f) emit(f);
    }
  };
}
