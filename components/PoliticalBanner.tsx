import { LABEL_THRESHOLD, type PoliticalVerdict } from '@/utils/engine/political';
import { t } from '@/utils/i18n';
import { ProvenanceTag } from './ProvenanceTag';

const STRONGEST = 3;

/**
 * Whether this page is political, with the evidence that decided it. A page that is not
 * political gets one quiet line with its score and its strongest words, when it has any.
 */
export function PoliticalBanner({ verdict }: { verdict: PoliticalVerdict }) {
  // The same word found in the title, a heading and the text is one word to the reader.
  const words = [...new Set(verdict.evidence.map((e) => e.word))];
  if (!verdict.label) {
    if (!words.length) return null;
    return (
      <p class="political-none" data-group="political-none" data-score={verdict.score.toFixed(2)}>
        <span class="signal-text">{t('politicalNone', [verdict.score.toFixed(2), LABEL_THRESHOLD.toFixed(2), words.slice(0, STRONGEST).join(', ')])}</span>{' '}
        <ProvenanceTag provenance="inferred" />
      </p>
    );
  }
  const reasonText = (r: PoliticalVerdict['reasons'][number]) => {
    switch (r.kind) {
      case 'party-site':
        return t('politicalPartySite', [r.detail]);
      case 'campaign-site':
        return t('politicalCampaignSite', [r.detail]);
      case 'political-tech':
        return t('politicalTechReason', [r.detail]);
      case 'words':
        return t('politicalWords', [words.slice(0, 12).join(', ')]);
    }
  };
  return (
    <section class="political" data-group="political-page" data-label={verdict.label}>
      <h2>
        {t(verdict.label === 'campaign' ? 'politicalCampaign' : 'politicalNews')}{' '}
        <span class="count">{t('politicalScore', [verdict.score.toFixed(2)])}</span>
      </h2>
      <ul class="signals">
        {verdict.reasons.map((r) => (
          <li key={`${r.kind}|${r.detail}`} class="signal" data-kind={`political-${r.kind}`}>
            <span class="signal-text">{reasonText(r)}</span> <ProvenanceTag provenance={r.provenance} />
          </li>
        ))}
      </ul>
    </section>
  );
}
