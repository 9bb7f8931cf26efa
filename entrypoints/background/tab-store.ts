import { browser } from 'wxt/browser';
import { Debounce } from '@/utils/debounce';
import type { TabState } from '@/utils/tabs/state';

const PREFIX = 'tab:';
const SOFT_FLUSH_MS = 200;
const HARD_FLUSH_MS = 1000;

/**
 * Per-tab state, in memory and mirrored to storage.session so that it outlives the
 * service worker (which Chrome stops after 30 s idle). Work is queued in order behind
 * the initial load, so events that wake the worker are never handled on empty state.
 */
export class TabStore {
  private readonly tabs = new Map<number, TabState>();
  private readonly dirty = new Set<number>();
  private readonly removed = new Set<number>();
  private queue: Promise<unknown>;
  private readonly flushSoon = new Debounce(() => void this.flush(), SOFT_FLUSH_MS, HARD_FLUSH_MS);
  private readonly listeners: ((tabId: number) => void)[] = [];

  constructor() {
    this.queue = this.load();
  }

  private async load(): Promise<void> {
    const [saved, open] = await Promise.all([browser.storage.session.get(null), browser.tabs.query({})]);
    const alive = new Set(open.map((t) => t.id));
    for (const [key, value] of Object.entries(saved)) {
      if (!key.startsWith(PREFIX)) continue;
      const state = value as TabState;
      if (state?.v === 3 && alive.has(state.tabId)) this.tabs.set(state.tabId, state);
      else this.removed.add(Number(key.slice(PREFIX.length)));
    }
    if (this.removed.size) this.schedule();
  }

  /** Runs `fn` after everything queued before it. Errors are logged, never block the queue. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(fn);
    this.queue = next.catch((e) => console.error('[targetlens]', e));
    return next;
  }

  /** Every tab's state. */
  all(): TabState[] {
    return [...this.tabs.values()];
  }

  get(tabId: number): TabState | undefined {
    return this.tabs.get(tabId);
  }

  set(state: TabState): void {
    this.tabs.set(state.tabId, state);
    this.removed.delete(state.tabId);
    this.changed(state.tabId);
  }

  delete(tabId: number): void {
    this.tabs.delete(tabId);
    this.dirty.delete(tabId);
    this.removed.add(tabId);
    this.schedule();
  }

  onChange(listener: (tabId: number) => void): void {
    this.listeners.push(listener);
  }

  changed(tabId: number): void {
    this.dirty.add(tabId);
    this.schedule();
    for (const l of this.listeners) l(tabId);
  }

  private schedule(): void {
    this.flushSoon.poke();
  }

  /** Writes changed tabs. Whole-state writes, so writing twice is harmless. */
  async flush(): Promise<void> {
    this.flushSoon.cancel();
    const writes: Record<string, TabState> = {};
    for (const id of this.dirty) {
      const state = this.tabs.get(id);
      if (state) writes[PREFIX + id] = state;
    }
    const removals = [...this.removed].map((id) => PREFIX + id);
    this.dirty.clear();
    this.removed.clear();
    if (Object.keys(writes).length) await browser.storage.session.set(writes);
    if (removals.length) await browser.storage.session.remove(removals);
  }
}
