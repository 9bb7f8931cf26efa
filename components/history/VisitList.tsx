import { historyDb } from '@/utils/db/database';
import { recentVisits } from '@/utils/db/queries';
import { sendHistory } from '@/utils/history/client';
import type { HistorySettings } from '@/utils/history/settings';
import { useLiveQuery } from '@/utils/history/use-live-query';
import { t } from '@/utils/i18n';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The most recent visits, each with the companies it contacted. Page data is shown as text only. */
export function VisitList({ settings }: { settings: HistorySettings | undefined }) {
  const visits = useLiveQuery(() => recentVisits(historyDb(), 100), []);
  if (!visits) return null;
  if (!visits.length) return <p class="empty">{t('dashboard_noVisits')}</p>;
  return (
    <ul class="visits">
      {visits.map(({ visit, companies }) => {
        const paused = settings?.pausedSites.includes(visit.site) ?? false;
        return (
          <li key={visit.id} class="visit" data-visit={visit.id} data-site={visit.site}>
            <div class="visit-head">
              <strong class="visit-site">{visit.site}</strong>
              {visit.path && <span class="visit-path">{visit.path}</span>}
              <time dateTime={new Date(visit.time).toISOString()}>{timeFormat.format(visit.time)}</time>
            </div>
            {visit.title && <div class="visit-title">{visit.title}</div>}
            {visit.political && <span class="tag">{t(visit.political === 'campaign' ? 'dashboard_campaign' : 'dashboard_politicalNews')}</span>}
            <div class="visit-companies" data-count={companies.length}>
              {companies.length ? companies.map((c) => c.name).join(t('listSeparator')) : t('dashboard_visitNone')}
            </div>
            <button type="button" class="link pause" onClick={() => void sendHistory({ type: 'history:pause', site: visit.site, paused: !paused })}>
              {t(paused ? 'dashboard_resumeSite' : 'dashboard_pauseSite')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
