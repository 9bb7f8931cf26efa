import type { Provenance } from '@/utils/engine/types';
import { provenanceLabel } from '@/utils/explain';

/** Says how we know a claim: observed, declared or inferred. */
export function ProvenanceTag({ provenance }: { provenance: Provenance }) {
  const { label, hint } = provenanceLabel(provenance);
  return (
    <span class={`prov prov-${provenance}`} title={hint} data-provenance={provenance}>
      {label}
    </span>
  );
}
