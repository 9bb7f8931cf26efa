import { useState } from 'preact/hooks';
import { historyDb } from '@/utils/db/database';
import { visitedSites } from '@/utils/db/queries';
import { sendHistory } from '@/utils/history/client';
import { useLiveQuery } from '@/utils/history/use-live-query';
import { t } from '@/utils/i18n';

type Pending = { kind: 'site'; site: string } | { kind: 'all' } | undefined;

/** Delete one site or everything, each after an explicit confirmation. */
export function DeletePanel() {
  const sites = useLiveQuery(() => visitedSites(historyDb()), []) ?? [];
  const [site, setSite] = useState('');
  const [pending, setPending] = useState<Pending>();
  const [done, setDone] = useState(false);
  const chosen = sites.includes(site) ? site : sites[0] ?? '';

  const confirm = async () => {
    if (!pending) return;
    if (pending.kind === 'all') await sendHistory({ type: 'history:delete-all' });
    else await sendHistory({ type: 'history:delete-site', site: pending.site });
    setPending(undefined);
    setDone(true);
  };

  return (
    <div class="delete">
      <div class="row">
        <select name="deleteSite" value={chosen} onChange={(e) => setSite(e.currentTarget.value)} disabled={!sites.length}>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="button" name="deleteSiteButton" disabled={!chosen} onClick={() => (setDone(false), setPending({ kind: 'site', site: chosen }))}>
          {t('dashboard_deleteSiteButton')}
        </button>
        <button type="button" name="deleteAll" class="danger" onClick={() => (setDone(false), setPending({ kind: 'all' }))}>
          {t('dashboard_deleteAll')}
        </button>
      </div>
      {pending && (
        <div class="confirm" role="alertdialog">
          <p>{pending.kind === 'all' ? t('dashboard_confirmDeleteAll') : t('dashboard_confirmDeleteSite', [pending.site])}</p>
          <button type="button" name="confirmDelete" class="danger" onClick={() => void confirm()}>
            {t('dashboard_confirm')}
          </button>{' '}
          <button type="button" onClick={() => setPending(undefined)}>
            {t('dashboard_cancel')}
          </button>
        </div>
      )}
      {done && <p class="done">{t('dashboard_deleted')}</p>}
    </div>
  );
}
