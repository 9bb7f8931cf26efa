import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CompanyTable } from '@/components/history/CompanyTable';
import { DeletePanel } from '@/components/history/DeletePanel';
import { ExportPanel } from '@/components/history/ExportPanel';
import { ImportPanel } from '@/components/history/ImportPanel';
import { Settings } from '@/components/history/Settings';
import { VisitList } from '@/components/history/VisitList';
import { DAY_MS } from '@/utils/db/records';
import { sendHistory } from '@/utils/history/client';
import { NOTICE_KEY, parseSettings, SETTINGS_KEY, type HistorySettings, type QuotaNotice } from '@/utils/history/settings';
import { t } from '@/utils/i18n';

/** Settings and the quota notice, from storage.local, following changes. */
function useStored(): { settings?: HistorySettings; notice?: QuotaNotice } {
  const [state, setState] = useState<{ settings?: HistorySettings; notice?: QuotaNotice }>({});
  useEffect(() => {
    const load = () =>
      void browser.storage.local.get([SETTINGS_KEY, NOTICE_KEY]).then((s) => setState({ settings: parseSettings(s[SETTINGS_KEY]), notice: s[NOTICE_KEY] as QuotaNotice | undefined }));
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (SETTINGS_KEY in changes || NOTICE_KEY in changes)) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    // Visits of open tabs are written a little after they change: ask for them now.
    void sendHistory({ type: 'history:flush' }).catch(() => undefined);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return state;
}

export function App() {
  const { settings, notice } = useStored();
  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  return (
    <main data-ready={settings ? 'true' : undefined}>
      <h1>{t('dashboard_title')}</h1>
      <p class="intro">{t('dashboard_intro')}</p>
      {notice && (
        <p class="notice" role="status">
          {t('dashboard_quotaNotice', [dateFormat.format(notice.before * DAY_MS)])}{' '}
          <button type="button" class="link" onClick={() => void sendHistory({ type: 'history:dismiss-notice' })}>
            {t('dashboard_dismiss')}
          </button>
        </p>
      )}
      <div class="columns">
        <section id="recent">
          <h2>{t('dashboard_recent')}</h2>
          <VisitList settings={settings} />
        </section>
        <section id="companies">
          <h2>{t('dashboard_companies', [settings?.retentionDays ?? 90])}</h2>
          <CompanyTable days={settings?.retentionDays ?? 90} />
        </section>
      </div>
      <section id="settings">
        <h2>{t('dashboard_settings')}</h2>
        {settings && <Settings settings={settings} />}
      </section>
      <section id="delete">
        <h2>{t('dashboard_delete')}</h2>
        <DeletePanel />
      </section>
      <section id="export">
        <h2>{t('dashboard_export')}</h2>
        <ExportPanel />
      </section>
      <section id="import">
        <h2>{t('dashboard_import')}</h2>
        <ImportPanel />
      </section>
    </main>
  );
}
