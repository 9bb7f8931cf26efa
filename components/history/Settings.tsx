import { sendHistory } from '@/utils/history/client';
import type { HistorySettings, PathMode } from '@/utils/history/settings';
import { t } from '@/utils/i18n';

const RETENTION = [7, 30, 90, 180, 365];

export function Settings({ settings }: { settings: HistorySettings }) {
  const set = (change: Partial<HistorySettings>) => void sendHistory({ type: 'history:settings', settings: change });
  const retention = RETENTION.includes(settings.retentionDays) ? RETENTION : [...RETENTION, settings.retentionDays].sort((a, b) => a - b);
  return (
    <div class="settings">
      <label>
        <input type="checkbox" name="enabled" checked={settings.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
        {t('dashboard_historyOn')}
      </label>
      <label>
        {t('dashboard_retention')}{' '}
        <select name="retention" value={settings.retentionDays} onChange={(e) => set({ retentionDays: Number(e.currentTarget.value) })}>
          {retention.map((d) => (
            <option key={d} value={d}>
              {t('dashboard_retentionDays', [d])}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('dashboard_pathMode')}</legend>
        {(
          [
            ['domain', 'dashboard_pathDomain'],
            ['path', 'dashboard_pathPath'],
            ['full', 'dashboard_pathFull'],
          ] as const
        ).map(([mode, key]) => (
          <label key={mode}>
            <input type="radio" name="pathMode" value={mode} checked={settings.pathMode === mode} onChange={() => set({ pathMode: mode as PathMode })} />
            {t(key)}
          </label>
        ))}
      </fieldset>
      <div class="paused">
        <strong>{t('dashboard_paused')}</strong>
        {settings.pausedSites.length ? (
          <ul>
            {settings.pausedSites.map((s) => (
              <li key={s} data-paused={s}>
                {s}{' '}
                <button type="button" class="link" onClick={() => void sendHistory({ type: 'history:pause', site: s, paused: false })}>
                  {t('dashboard_resumeSite')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('dashboard_noPaused')}</p>
        )}
      </div>
    </div>
  );
}
