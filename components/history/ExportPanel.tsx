import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { historyDb } from '@/utils/db/database';
import { exportFileName } from '@/utils/db/export';
import type { ExportOptions } from '@/utils/db/export-schema';
import { exportBlob } from '@/utils/history/export-file';
import { t } from '@/utils/i18n';

const FORMATS = [
  ['json', 'dashboard_formatJson'],
  ['ndjson', 'dashboard_formatNdjson'],
  ['csv', 'dashboard_formatCsv'],
] as const;

/** Export for researchers: streamed into a file, with progress, optionally anonymised. */
export function ExportPanel() {
  const [format, setFormat] = useState<ExportOptions['format']>('json');
  const [dropPaths, setDropPaths] = useState(false);
  const [hashSites, setHashSites] = useState(false);
  const [studyKey, setStudyKey] = useState('');
  const [progress, setProgress] = useState<[number, number]>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (hashSites && !studyKey) return setStatus(t('dashboard_exportNeedsKey'));
    setBusy(true);
    setStatus('');
    try {
      const now = Date.now();
      const blob = await exportBlob(historyDb(), { format, dropPaths, studyKey: hashSites ? studyKey : undefined }, {
        extensionVersion: browser.runtime.getManifest().version,
        now,
        onProgress: (done, total) => setProgress([done, total]),
      });
      const name = exportFileName(format, now);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
      setStatus(t('dashboard_exportDone', [name]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="export">
      <fieldset>
        <legend>{t('dashboard_exportFormat')}</legend>
        {FORMATS.map(([f, key]) => (
          <label key={f}>
            <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
            {t(key)}
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" name="dropPaths" checked={dropPaths} onChange={(e) => setDropPaths(e.currentTarget.checked)} />
        {t('dashboard_dropPaths')}
      </label>
      <label>
        <input type="checkbox" name="hashSites" checked={hashSites} onChange={(e) => setHashSites(e.currentTarget.checked)} />
        {t('dashboard_hashSites')}
      </label>
      {hashSites && (
        <label>
          {t('dashboard_studyKey')} <input type="password" name="studyKey" value={studyKey} onInput={(e) => setStudyKey(e.currentTarget.value)} autocomplete="off" />
        </label>
      )}
      <button type="button" name="export" disabled={busy} onClick={() => void run()}>
        {t('dashboard_exportButton')}
      </button>
      {progress && (
        <p class="progress" data-done={progress[0]} data-total={progress[1]}>
          <progress max={progress[1] || 1} value={progress[0]} /> {t('dashboard_exportProgress', [progress[0], progress[1]])}
        </p>
      )}
      {status && <p class="status">{status}</p>}
    </div>
  );
}
