import { z } from 'zod';

/** What the person chose about their local history. Kept in storage.local, read by the background. */
export const historySettingsSchema = z.strictObject({
  /** Whether visits are recorded at all. */
  enabled: z.boolean(),
  /** Days of history kept; older days are purged by an alarm. */
  retentionDays: z.number().int().min(1).max(3650),
  /** How much of a page's address is stored: its site only, site and path (no query), or the full URL. */
  pathMode: z.enum(['domain', 'path', 'full']),
  /** Sites (registrable domains) for which nothing is recorded. */
  pausedSites: z.array(z.string().min(1).max(253)).max(1000),
});

export type HistorySettings = z.infer<typeof historySettingsSchema>;
export type PathMode = HistorySettings['pathMode'];

export const SETTINGS_KEY = 'history:settings';
/** Set when the store was full and old days were purged, so that the dashboard can say so. */
export const NOTICE_KEY = 'history:notice';

export const DEFAULT_SETTINGS: HistorySettings = { enabled: true, retentionDays: 90, pathMode: 'path', pausedSites: [] };

/** Stored settings over the defaults; anything malformed falls back to the defaults. */
export function parseSettings(raw: unknown): HistorySettings {
  const parsed = historySettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(raw && typeof raw === 'object' ? raw : {}) });
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export interface QuotaNotice {
  kind: 'quota-purge';
  at: number;
  /** UTC day number before which everything was purged. */
  before: number;
}
