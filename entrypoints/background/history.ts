import { browser } from 'wxt/browser';
import { historyDb, type HistoryDB } from '@/utils/db/database';
import { deleteEverything, deleteSite, deleteVisits } from '@/utils/db/delete';
import { visitDraft, type LensReading, type VisitDraft } from '@/utils/db/from-tab';
import { importParsed, parseImport } from '@/utils/db/import';
import type { ImportPayload, ImportResult } from '@/utils/db/import-payload';
import { visitKey } from '@/utils/db/keys';
import { enforceRetention, withQuotaRetry } from '@/utils/db/retention';
import { writeVisits } from '@/utils/db/write';
import { DEFAULT_SETTINGS, NOTICE_KEY, parseSettings, SETTINGS_KEY, type HistorySettings, type QuotaNotice } from '@/utils/history/settings';
import type { TabState } from '@/utils/tabs/state';
import { Debounce } from '@/utils/debounce';
import { lensReading } from './lens';
import type { LearningStore } from './learning-store';
import type { SightingsStore } from './sightings';
import type { TabStore } from './tab-store';

/** A visit is written this long after its tab last changed, and at least this often while it keeps changing. */
const SOFT_MS = 2000;
const HARD_MS = 10_000;
const RETENTION_ALARM = 'history:retention';
/** Visits deleted while their tab was still open: never written again. In storage.session, to outlive the worker. */
const FORGOTTEN_KEY = 'history:forgotten';
const MAX_FORGOTTEN = 1000;

const keyOf = (s: TabState) => visitKey(s.tabId, s.startedAt);

interface TabMeta {
  title?: string;
  incognito: boolean;
}

/**
 * Keeps the local history: the background is its only writer. Each tab's page is written
 * as a visit a little after it changes, at once when the tab navigates away or closes, and
 * with deterministic keys, so that a rewrite (or a restarted worker writing again) replaces
 * rather than adds. Incognito tabs and paused sites are never written.
 */
export class HistoryRecorder {
  settings: HistorySettings = { ...DEFAULT_SETTINGS };
  readonly ready: Promise<void>;
  private readonly latest = new Map<number, TabState>();
  private readonly dirty = new Set<number>();
  private readonly meta = new Map<string, TabMeta>();
  private readonly incognito = new Map<number, boolean>();
  private forgotten = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly flushSoon = new Debounce(() => void this.flush(), SOFT_MS, HARD_MS);
  /** Visits whose title and incognito flag are being asked of the tabs API: asked once, not on every request. */
  private readonly metaPending = new Set<string>();

  constructor(
    private readonly store: TabStore,
    private readonly learning: LearningStore,
    readonly db: HistoryDB = historyDb(),
    private readonly now: () => number = Date.now,
    /** The political lens's reading of a page, kept with its visit. */
    private readonly lens?: (state: TabState) => Promise<LensReading>,
  ) {
    this.ready = Promise.all([browser.storage.local.get(SETTINGS_KEY), browser.storage.session.get(FORGOTTEN_KEY)]).then(([local, session]) => {
      this.settings = parseSettings(local[SETTINGS_KEY]);
      const f = session[FORGOTTEN_KEY];
      if (Array.isArray(f)) this.forgotten = new Set(f.filter((x): x is string => typeof x === 'string'));
    });
  }

  /** Runs `fn` after everything queued before it; errors are logged and never block the queue. */
  private run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn);
    this.queue = next.catch((e) => console.error('[targetlens] history', e));
    return next;
  }

  changed(tabId: number): void {
    const state = this.store.get(tabId);
    if (!state) return;
    const previous = this.latest.get(tabId);
    if (previous && previous !== state && keyOf(previous) !== keyOf(state) && this.dirty.has(tabId)) {
      // The tab moved on to another page: the page it left is written now.
      void this.run(() => this.write([previous]));
    }
    this.latest.set(tabId, state);
    this.dirty.add(tabId);
    const key = keyOf(state);
    if (!this.meta.has(key) && !this.metaPending.has(key)) {
      this.metaPending.add(key);
      void this.fetchMeta(state).finally(() => this.metaPending.delete(key));
    }
    this.flushSoon.poke();
  }

  closed(tabId: number): void {
    const state = this.latest.get(tabId);
    this.latest.delete(tabId);
    const wasDirty = this.dirty.delete(tabId);
    if (state && wasDirty) void this.run(() => this.write([state]));
  }

  /** A tab replaced by another (prerendering, discarding): its page continues under the new id. */
  replaced(addedTabId: number, removedTabId: number): void {
    const old = this.latest.get(removedTabId);
    this.latest.delete(removedTabId);
    this.dirty.delete(removedTabId);
    const incognito = this.incognito.get(removedTabId);
    if (incognito !== undefined) this.incognito.set(addedTabId, incognito);
    if (!old) return;
    const meta = this.meta.get(keyOf(old));
    if (meta) this.meta.set(visitKey(addedTabId, old.startedAt), meta);
    void this.run(() => deleteVisits(this.db, [keyOf(old)]));
  }

  /** Writes every tab with changes not yet written. */
  flush(): Promise<void> {
    this.flushSoon.cancel();
    const states = [...this.dirty].map((id) => this.latest.get(id)).filter((s): s is TabState => !!s);
    this.dirty.clear();
    return this.run(() => this.write(states));
  }

  private async fetchMeta(state: TabState): Promise<TabMeta | undefined> {
    const tab = await browser.tabs.get(state.tabId).catch(() => undefined);
    if (!tab) return undefined;
    this.incognito.set(state.tabId, tab.incognito);
    // Only while the tab still shows this page: a title must belong to its visit.
    if (this.store.get(state.tabId)?.startedAt !== state.startedAt) return undefined;
    // Chrome uses the address as the title of pages without one: that is not a title.
    const title = tab.title && !(tab.url ?? '').includes(tab.title) ? tab.title : undefined;
    const meta = { title, incognito: tab.incognito };
    this.meta.set(keyOf(state), meta);
    return meta;
  }

  private async write(states: TabState[]): Promise<void> {
    await this.ready;
    if (!this.settings.enabled || !states.length) return;
    const drafts: VisitDraft[] = [];
    for (const s of states) {
      const key = keyOf(s);
      if (this.forgotten.has(key) || this.settings.pausedSites.includes(s.site)) continue;
      const meta = (await this.fetchMeta(s)) ?? this.meta.get(key);
      const incognito = meta?.incognito ?? this.incognito.get(s.tabId);
      // Never an incognito tab; and when we cannot tell, nothing is written either.
      if (incognito !== false) continue;
      const lens = await this.lens?.(s).catch((e: unknown) => void console.warn('[targetlens] lens', e));
      const draft = visitDraft(s, { pathMode: this.settings.pathMode, title: this.settings.pathMode === 'domain' ? undefined : meta?.title, lens: lens ?? undefined });
      if (draft) drafts.push(draft);
    }
    if (!drafts.length) return;
    await withQuotaRetry(
      this.db,
      () => writeVisits(this.db, drafts, this.now()),
      async (before) => {
        const notice: QuotaNotice = { kind: 'quota-purge', at: this.now(), before };
        await browser.storage.local.set({ [NOTICE_KEY]: notice });
      },
    );
  }

  private async forget(states: TabState[]): Promise<void> {
    for (const s of states) {
      this.forgotten.add(keyOf(s));
      this.dirty.delete(s.tabId);
    }
    const list = [...this.forgotten].slice(-MAX_FORGOTTEN);
    this.forgotten = new Set(list);
    await browser.storage.session.set({ [FORGOTTEN_KEY]: list });
  }

  deleteAll(): Promise<void> {
    return this.run(async () => {
      await this.forget(this.store.all());
      await deleteEverything(this.db);
      await this.learning.forget('all');
    });
  }

  deleteSite(site: string): Promise<number> {
    return this.run(async () => {
      await this.forget(this.store.all().filter((s) => s.site === site));
      const n = await deleteSite(this.db, site);
      await this.learning.forget([site]);
      return n;
    });
  }

  async setSettings(change: Partial<HistorySettings>): Promise<HistorySettings> {
    await this.ready;
    const next = parseSettings({ ...this.settings, ...change });
    const retentionChanged = next.retentionDays !== this.settings.retentionDays;
    this.settings = next;
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    if (retentionChanged) await this.enforceRetention();
    return next;
  }

  pause(site: string, paused: boolean): Promise<HistorySettings> {
    const sites = this.settings.pausedSites.filter((s) => s !== site);
    return this.setSettings({ pausedSites: paused ? [...sites, site].sort() : sites });
  }

  enforceRetention(): Promise<void> {
    return this.run(async () => {
      await this.ready;
      await enforceRetention(this.db, this.settings.retentionDays, this.now());
    });
  }

  import(payload: ImportPayload): Promise<ImportResult> {
    return this.run(async () => {
      const parsed = parseImport(payload);
      return parsed.ok ? importParsed(this.db, parsed) : parsed;
    });
  }
}

export function registerHistory(store: TabStore, learning: LearningStore, sightings: SightingsStore): HistoryRecorder {
  const db = historyDb();
  const history = new HistoryRecorder(store, learning, db, Date.now, async (state) => {
    await Promise.all([learning.ready, sightings.ready]);
    return lensReading(db, state, learning.state, sightings.state);
  });
  store.onChange((tabId) => history.changed(tabId));
  browser.tabs.onRemoved.addListener((tabId) => history.closed(tabId));
  browser.tabs.onReplaced.addListener((added, removed) => history.replaced(added, removed));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void history.enforceRetention();
  });
  void browser.alarms.get(RETENTION_ALARM).then((a) => {
    if (!a) void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 360 });
  });
  return history;
}
