import type { SignalOnTab } from '@/utils/tabs/state';
import { explainSignal } from '@/utils/explain';
import { t } from '@/utils/i18n';
import { ProvenanceTag } from './ProvenanceTag';

// Strongest evidence of profiling first.
const ORDER = ['hashed-identity', 'plain-identity', 'id-sync', 'click-id', 'third-party-cookie', 'identifier-in-url', 'pixel-event', 'beacon'];

export function SignalList({ signals, company, onPage = false }: { signals: SignalOnTab[]; company: string; onPage?: boolean }) {
  if (!signals.length) return null;
  const sorted = [...signals].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return (
    <ul class="signals">
      {sorted.map((s) => (
        <li key={`${s.kind}|${s.detail}|${s.evidence.join()}`} class={`signal signal-${s.kind}`} data-kind={s.kind}>
          <span class="signal-text">{explainSignal(s, company, onPage)}</span>{' '}
          {s.count > 1 && <span class="count">{t('timesCount', [s.count])}</span>} <ProvenanceTag provenance={s.provenance} />
        </li>
      ))}
    </ul>
  );
}
