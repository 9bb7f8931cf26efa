/// <reference types="chrome" />
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { TabState } from '../../utils/tabs/state';
import { FixtureServer, type LoggedRequest } from './fixture-server';

export const EXTENSION_DIR = join(import.meta.dirname, '../../.output/chrome-mv3');

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install Debian\'s Chromium with\n' +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROME_PATH at a Chromium binary.',
    );
  }
  return found;
}

/** A Chromium with the built extension, a fresh profile, and every hostname mapped to the fixture server. */
export class ExtensionBrowser {
  context!: BrowserContext;
  extensionId = '';
  readonly server = new FixtureServer();
  private profile = '';

  /**
   * `extension: false` gives the same browser without Targetlens, for comparisons;
   * `extensionDir` loads another build of it (the benchmark's peers).
   */
  static async launch(opts: { lang?: string; extension?: boolean; extensionDir?: string } = {}): Promise<ExtensionBrowser> {
    const b = new ExtensionBrowser();
    await b.start(opts);
    return b;
  }

  private async start({ lang = 'en-US', extension = true, extensionDir = EXTENSION_DIR }: { lang?: string; extension?: boolean; extensionDir?: string }): Promise<void> {
    if (extension && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}: run npm run build first.`);
    await this.server.start();
    this.profile = mkdtempSync(join(tmpdir(), 'targetlens-profile-'));
    this.context = await chromium.launchPersistentContext(this.profile, {
      executablePath: chromiumPath(),
      headless: true,
      ignoreHTTPSErrors: true,
      locale: lang,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        `--lang=${lang}`,
        `--host-resolver-rules=${this.server.resolverRules}`,
        '--ignore-certificate-errors',
        ...(extension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ],
    });
    if (!extension) return;
    const worker = await this.worker();
    this.extensionId = new URL(worker.url()).host;
    // Right after install the worker can miss the first page's early requests: load
    // one page and wait until the extension has recorded it before any test runs.
    const warm = await this.context.newPage();
    await warm.goto('https://warmup.targetlens.test/');
    const tabId = await this.tabId(warm);
    await this.waitForState(tabId, (s) => s.requests > 0);
    await warm.close();
  }

  async close(): Promise<void> {
    await this.context?.close();
    await this.server.stop();
    if (this.profile) rmSync(this.profile, { recursive: true, force: true });
  }

  /** The extension's service worker, waiting for it to (re)start if needed. */
  async worker(): Promise<Worker> {
    const existing = this.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? this.context.waitForEvent('serviceworker', { timeout: 30_000 });
  }

  async tabId(page: Page): Promise<number> {
    const url = page.url();
    const worker = await this.worker();
    const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
    if (id === undefined) throw new Error(`no tab for ${url}`);
    return id;
  }

  async badge(tabId: number): Promise<string> {
    const worker = await this.worker();
    return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** The tab's state as the background last saved it to storage.session. */
  async savedState(tabId: number): Promise<TabState | undefined> {
    const worker = await this.worker();
    return worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId) as Promise<TabState | undefined>;
  }

  async waitForState(tabId: number, ok: (s: TabState) => boolean, timeoutMs = 20_000): Promise<TabState> {
    const deadline = Date.now() + timeoutMs;
    let last: TabState | undefined;
    while (Date.now() < deadline) {
      last = await this.savedState(tabId);
      if (last && ok(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    const hosts = last && Object.fromEntries(Object.entries(last.hosts).map(([h, v]) => [h, v.requests]));
    throw new Error(`tab ${tabId} state never matched; requests ${last?.requests}, hosts ${JSON.stringify(hosts)}; last saved: ${JSON.stringify(last)?.slice(0, 2000)}`);
  }

  /**
   * Waits until the extension has counted as many requests for the tab as the fixture
   * server answered for pages since `mark` (the browser may still fetch a favicon after
   * load). Tests run one page at a time, so all page traffic since the mark is that tab's.
   */
  async waitForAgreement(tabId: number, mark: number): Promise<{ state: TabState; served: LoggedRequest[] }> {
    const state = await this.waitForState(tabId, (s) => s.requests === this.server.pageRequests(mark).length).catch(
      async () => (await this.savedState(tabId))!,
    );
    return { state, served: this.server.pageRequests(mark) };
  }

  /** Opens popup.html for a tab, as a page, and waits until it has rendered the tab. */
  async openPopup(tabId: number): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/popup.html?tab=${tabId}`);
    await page.waitForSelector('main[data-ready], main.empty');
    return page;
  }

  /** Stops the extension's service worker, as Chrome does after 30 s idle. */
  async stopServiceWorker(): Promise<void> {
    // A blank page, not an extension page: anything of ours would wake the worker again.
    const page = await this.context.newPage();
    const cdp = await this.context.newCDPSession(page);
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v: { runningStatus: string; scriptURL: string }) => v.scriptURL.includes(this.extensionId) && v.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
    await page.close();
  }
}
