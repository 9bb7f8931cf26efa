import { useState } from 'preact/hooks';
import { readImportFile } from '@/utils/db/import';
import type { ImportProblem, ImportResult } from '@/utils/db/import-payload';
import { sendHistory } from '@/utils/history/client';
import { t, type MessageKey } from '@/utils/i18n';

const PROBLEM_KEYS: Record<ImportProblem, MessageKey> = {
  'too-large': 'history_importTooLarge',
  empty: 'history_importEmpty',
  'not-an-export': 'history_importNotAnExport',
  truncated: 'history_importTruncated',
  'wrong-format': 'history_importWrongFormat',
  'wrong-version': 'history_importWrongVersion',
  'unknown-type': 'history_importUnknownType',
  'invalid-record': 'history_importInvalidRecord',
  inconsistent: 'history_importInconsistent',
};

/** Import an export: checked here for size and shape, validated and written by the background, all or nothing. */
export function ImportPanel() {
  const [result, setResult] = useState<ImportResult>();
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setResult(undefined);
    try {
      const read = readImportFile(new Uint8Array(await file.arrayBuffer()));
      setResult(read.ok ? await sendHistory({ type: 'history:import', payload: read.payload }) : read);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="import">
      <p>{t('dashboard_importHelp')}</p>
      <input type="file" name="import" accept=".json,.ndjson,.zip,application/json" disabled={busy} onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      {busy && <p>{t('dashboard_importing')}</p>}
      {result?.ok && (
        <p class="import-done" data-added={result.added.visits}>
          {t('dashboard_importDone', [result.added.visits])}
        </p>
      )}
      {result && !result.ok && (
        <p class="import-error" role="alert" data-problem={result.problem}>
          {t(PROBLEM_KEYS[result.problem], [result.detail])} {t('history_importFailed')}
        </p>
      )}
    </div>
  );
}
