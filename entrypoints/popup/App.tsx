import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AdsPanel } from '@/components/AdsPanel';
import { CompanyCard } from '@/components/CompanyCard';
import { PagePanel } from '@/components/PagePanel';
import { PoliticalBanner } from '@/components/PoliticalBanner';
import { SignalList } from '@/components/SignalList';
import { fetchTabView } from '@/utils/client';
import { t, type MessageKey } from '@/utils/i18n';
import { GROUP_ORDER, groupOf } from '@/utils/tabs/groups';
import type { PopupView } from '@/utils/tabs/popup-view';
import type { CompanyView } from '@/utils/tabs/view';

const REFRESH_MS = 1000;

const GROUP_KEYS: Record<(typeof GROUP_ORDER)[number], MessageKey> = {
  political: 'groupPolitical',
  advertising: 'groupAdvertising',
  social: 'groupSocial',
  analytics: 'groupAnalytics',
  marketing: 'groupMarketing',
  'customer-success': 'groupCustomerSuccess',
  tracker: 'groupTracker',
  'tag-manager': 'groupTagManager',
  consent: 'groupConsent',
  video: 'groupVideo',
  content: 'groupContent',
  cdn: 'groupCdn',
  hosting: 'groupHosting',
  utility: 'groupUtility',
  other: 'groupOther',
};

/** `popup.html?tab=<id>` shows that tab (for tests and deep links); otherwise the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function useTabView(): { view: PopupView | null; loaded: boolean } {
  const [view, setView] = useState<PopupView | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      const tabId = await targetTabId();
      const next = tabId === undefined ? null : await fetchTabView(tabId).catch(() => null);
      if (stopped) return;
      setView(next);
      setLoaded(true);
      timer = setTimeout(tick, REFRESH_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return { view, loaded };
}

function Groups({ companies }: { companies: CompanyView[] }) {
  const groups = GROUP_ORDER.map((g) => [g, companies.filter((c) => groupOf(c) === g)] as const).filter(([, cs]) => cs.length);
  return (
    <>
      {groups.map(([group, cs]) => (
        <section key={group} class="group" data-group={group}>
          <h2>{t(GROUP_KEYS[group])}</h2>
          <ul class="companies">
            {cs.map((c) => (
              <CompanyCard key={c.key} company={c} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function openDashboard(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }).then(() => window.close());
}

/** The link to the local history, on every popup view. */
function HistoryLink() {
  return (
    <footer class="history-link">
      <a href="/dashboard.html" onClick={(e) => (e.preventDefault(), openDashboard())}>
        {t('dashboard_open')}
      </a>
    </footer>
  );
}

export function App() {
  const { view, loaded } = useTabView();
  if (!loaded) return null;
  if (!view)
    return (
      <main class="empty">
        {t('noTab')}
        <HistoryLink />
      </main>
    );
  const own = view.companies.find((c) => c.site === view.site);
  const others = view.companies.filter((c) => c !== own);
  return (
    <main data-ready="true">
      <header>
        <h1 class="site" data-site={view.site}>
          {view.site || view.url}
        </h1>
        <p class="summary" data-count={view.profilingCount}>
          {view.profilingCount ? t('summaryCount', [view.profilingCount]) : t('summaryNone')}
        </p>
        <p class="requests">{t('requestsLine', [view.requests, view.thirdParty])}</p>
        {view.recovered > 0 && <p class="late">{t('lateNotice', [view.recovered])}</p>}
      </header>
      <PoliticalBanner verdict={view.political} />
      {own && own.signals.length > 0 && (
        <section class="group" data-group="page">
          <h2>{t('thisPage')}</h2>
          <SignalList signals={own.signals} company={view.site} onPage />
        </section>
      )}
      <AdsPanel ads={view.ads} tabId={view.tabId} />
      <PagePanel page={view.page} />
      <Groups companies={others} />
      <HistoryLink />
    </main>
  );
}
