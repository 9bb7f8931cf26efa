import { z } from 'zod';
import { importPayloadSchema } from './db/import-payload';
import { historySettingsSchema } from './history/settings';
import { MAX_PAGE_URL } from './limits';
import { probeFindingSchema } from './probe-schema';
import { pageTextSchema } from './engine/political/page-text';
import { AD_LINKS_MAX, AD_TEXT_MAX, FRAME_TOKEN, MAX_SLOTS, SLOT_KINDS } from './observe/ad-text';

/** One typed protocol between content scripts, extension pages and the background. */
const url = z.string().max(MAX_PAGE_URL);

export const MAX_TIMING_ENTRIES = 500;

/** One line per URL, "<count> <url>": a single string costs far less to send than 500 objects. */
export const timingReportSchema = z.object({
  type: z.literal('timing'),
  page: z.object({ url, timeOrigin: z.number().finite().nonnegative() }),
  /** Cumulative count per URL of what this frame loaded, as the page's Resource Timing saw it. */
  entries: z.string().max(MAX_TIMING_ENTRIES * (MAX_PAGE_URL + 8)),
});

export const timingEntriesSchema = z.array(z.object({ url, count: z.number().int().min(1).max(10_000) })).max(MAX_TIMING_ENTRIES);

/** The entries of a timing report, validated; undefined when any line is malformed. */
export type TimingEntries = z.infer<typeof timingEntriesSchema>;

export function parseTimingEntries(text: string): TimingEntries | undefined {
  if (!text) return [];
  const entries: { url: string; count: number }[] = [];
  for (const line of text.split('\n', MAX_TIMING_ENTRIES + 1)) {
    const space = line.indexOf(' ');
    if (space < 1) return undefined;
    entries.push({ count: Number(line.slice(0, space)), url: line.slice(space + 1) });
  }
  const parsed = timingEntriesSchema.safeParse(entries);
  return parsed.success ? parsed.data : undefined;
}

/** Findings of the page probe, forwarded by the isolated bridge of one frame. */
export const probeReportSchema = z.object({ type: z.literal('probe'), findings: z.array(probeFindingSchema).max(100) });

/** The top document's title, headings, meta and text, for the political-page classifier. */
export const pageTextReportSchema = z.object({ type: z.literal('page-text'), page: pageTextSchema });

const adLinks = z.array(z.object({ href: z.string().max(500).regex(/^https?:\/\//i), text: z.string().max(200) })).max(AD_LINKS_MAX);
const pixels = z.number().int().min(0).max(100_000);

export const scannedSlotSchema = z.object({
  key: z.string().min(1).max(200),
  kind: z.enum(SLOT_KINDS),
  elementId: z.string().max(200).optional(),
  size: z.tuple([pixels, pixels]),
  frameHosts: z.array(z.string().max(253)).max(5),
  text: z.string().max(AD_TEXT_MAX),
  links: adLinks,
});
export type ScannedSlot = z.infer<typeof scannedSlotSchema>;

/** The ad slots the top frame found on its page. */
export const adSlotsReportSchema = z.object({ type: z.literal('ad-slots'), slots: z.array(scannedSlotSchema).max(MAX_SLOTS) });

/** What an ad's own frame says about it (labels, sponsor lines, notice links), under a random token. */
export const adFrameReportSchema = z.object({ type: z.literal('ad-frame'), token: z.string().regex(FRAME_TOKEN), text: z.string().max(AD_TEXT_MAX), links: adLinks });

/** The top frame's finding that the frame with `token` is inside `slot`. */
export const adLinkSchema = z.object({ type: z.literal('ad-link'), token: z.string().regex(FRAME_TOKEN), slot: z.string().min(1).max(200) });

export const getTabSchema = z.object({ type: z.literal('tab:get'), tabId: z.number().int().nonnegative() });

const site = z.string().min(1).max(253);

/** Local history: only the background writes it, so extension pages ask it to. */
export const historyMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('history:settings'), settings: historySettingsSchema.partial() }),
  z.object({ type: z.literal('history:pause'), site, paused: z.boolean() }),
  z.object({ type: z.literal('history:delete-site'), site }),
  z.object({ type: z.literal('history:delete-all') }),
  z.object({ type: z.literal('history:import'), payload: importPayloadSchema }),
  /** Writes the visits of open tabs now rather than after the usual delay. */
  z.object({ type: z.literal('history:flush') }),
  z.object({ type: z.literal('history:dismiss-notice') }),
]);

export const messageSchema = z.discriminatedUnion('type', [
  timingReportSchema,
  probeReportSchema,
  pageTextReportSchema,
  adSlotsReportSchema,
  adFrameReportSchema,
  adLinkSchema,
  getTabSchema,
  ...historyMessageSchema.options,
]);

export type TimingReport = z.infer<typeof timingReportSchema>;
export type GetTab = z.infer<typeof getTabSchema>;
export type ProbeReport = z.infer<typeof probeReportSchema>;
export type PageTextReport = z.infer<typeof pageTextReportSchema>;
export type AdSlotsReport = z.infer<typeof adSlotsReportSchema>;
export type AdFrameReport = z.infer<typeof adFrameReportSchema>;
export type AdLink = z.infer<typeof adLinkSchema>;
export type Message = z.infer<typeof messageSchema>;
export type HistoryMessage = z.infer<typeof historyMessageSchema>;
