import { browser } from 'wxt/browser';
import { learn, type LearningState } from '@/utils/engine/learning';

const KEY = 'learning:v1';
const SAVE_MS = 2000;

/** What local learning has found, kept in storage.local: it is about trackers, not about the person's pages. */
export class LearningStore {
  state: LearningState = {};
  readonly ready: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;

  constructor() {
    this.ready = browser.storage.local.get(KEY).then((saved) => {
      const value = saved[KEY];
      if (value && typeof value === 'object') this.state = value as LearningState;
    });
  }

  /**
   * Forgets first-party sites the person deleted from their history (all of them when
   * `sites` is 'all'): trackers seen only there are forgotten too. Saved at once.
   */
  async forget(sites: readonly string[] | 'all'): Promise<void> {
    await this.ready;
    if (sites === 'all') this.state = {};
    else {
      for (const [tracker, t] of Object.entries(this.state)) {
        t.sites = t.sites.filter((s) => !sites.includes(s));
        if (!t.sites.length) delete this.state[tracker];
      }
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    await browser.storage.local.set({ [KEY]: this.state });
  }

  record(trackerSite: string, firstPartySite: string, evidence: string): void {
    if (!learn(this.state, trackerSite, firstPartySite, evidence, Date.now())) return;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void browser.storage.local.set({ [KEY]: this.state });
    }, SAVE_MS);
  }
}
