import { z } from 'zod';
import { MAX_PAGE_URL } from './limits';
import { probeFindingSchema } from './probe-schema';

/** One typed protocol between content scripts, extension pages and the background. */
const url = z.string().max(MAX_PAGE_URL);

export const timingReportSchema = z.object({
  type: z.literal('timing'),
  page: z.object({ url, timeOrigin: z.number().finite().nonnegative() }),
  /** Cumulative count per URL of what this frame loaded, as the page's Resource Timing saw it. */
  entries: z.array(z.object({ url, count: z.number().int().min(1).max(10_000) })).max(500),
});

/** Findings of the page probe, forwarded by the isolated bridge of one frame. */
export const probeReportSchema = z.object({ type: z.literal('probe'), findings: z.array(probeFindingSchema).max(100) });

export const getTabSchema = z.object({ type: z.literal('tab:get'), tabId: z.number().int().nonnegative() });

export const messageSchema = z.discriminatedUnion('type', [timingReportSchema, probeReportSchema, getTabSchema]);

export type TimingReport = z.infer<typeof timingReportSchema>;
export type GetTab = z.infer<typeof getTabSchema>;
export type ProbeReport = z.infer<typeof probeReportSchema>;
export type Message = z.infer<typeof messageSchema>;
