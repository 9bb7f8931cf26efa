import type { ScannedSlot } from '../messages';
import { MAX_SLOTS } from '../observe/ad-text';

const MAX_FRAMES = 30;

/** An ad's own frame: what it says about itself, and the origin that said it. */
export interface AdFrameOnTab {
  origin: string;
  text: string;
  links: { href: string; text: string }[];
}

/** The ad slots of a tab's page, as the top frame last found them, and what their frames say. */
export interface AdsOnTab {
  slots: ScannedSlot[];
  /** By the frame's random token. */
  frames: Record<string, AdFrameOnTab>;
  /** Frame token → the slot that holds the frame, as the top frame matched it (may come first). */
  links: Record<string, string>;
}

export function emptyAds(): AdsOnTab {
  return { slots: [], frames: {}, links: {} };
}

/** The latest scan replaces the previous one: slots render late, and may go. Returns whether anything changed. */
export function recordSlots(ads: AdsOnTab, slots: ScannedSlot[]): boolean {
  const next = slots.slice(0, MAX_SLOTS);
  if (JSON.stringify(next) === JSON.stringify(ads.slots)) return false;
  ads.slots = next;
  return true;
}

export function recordAdFrame(ads: AdsOnTab, token: string, origin: string, text: string, links: AdFrameOnTab['links']): boolean {
  const existing = ads.frames[token];
  if (existing) {
    // Only the frame that owns the token can update it.
    if (existing.origin !== origin || (existing.text === text && JSON.stringify(existing.links) === JSON.stringify(links))) return false;
    Object.assign(existing, { text, links });
    return true;
  }
  if (Object.keys(ads.frames).length >= MAX_FRAMES) return false;
  ads.frames[token] = { origin, text, links };
  return true;
}

/** Links a frame to a slot, once: a page could try to move it. */
export function recordAdLink(ads: AdsOnTab, token: string, slot: string): boolean {
  if (ads.links[token] !== undefined || Object.keys(ads.links).length >= MAX_FRAMES * 2) return false;
  ads.links[token] = slot;
  return true;
}
