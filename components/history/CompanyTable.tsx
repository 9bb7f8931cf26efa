import { historyDb } from '@/utils/db/database';
import { companyTotals } from '@/utils/db/queries';
import { dayOf } from '@/utils/db/records';
import { useLiveQuery } from '@/utils/history/use-live-query';
import { t } from '@/utils/i18n';

/** Per company, over the retention period: from the daily rollups. */
export function CompanyTable({ days }: { days: number }) {
  const fromDay = dayOf(Date.now()) - days + 1;
  const totals = useLiveQuery(() => companyTotals(historyDb(), fromDay), [fromDay]);
  if (!totals) return null;
  if (!totals.length) return <p class="empty">{t('dashboard_noCompanies')}</p>;
  return (
    <table class="companies">
      <thead>
        <tr>
          <th>{t('dashboard_company')}</th>
          <th>{t('dashboard_sites')}</th>
          <th>{t('dashboard_visits')}</th>
          <th>{t('dashboard_signals')}</th>
        </tr>
      </thead>
      <tbody>
        {totals.slice(0, 200).map((c) => (
          <tr key={c.entity} data-entity={c.entity}>
            <td>{c.name}</td>
            <td class="num" data-sites={c.sites}>{c.sites}</td>
            <td class="num" data-visits={c.visits}>{c.visits}</td>
            <td class="num">{c.signals}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
