import type { PoliticalVerdict } from '@/utils/engine/political';
import { t } from '@/utils/i18n';
import { ProvenanceTag } from './ProvenanceTag';

/** Whether this page is political, with the evidence that decided it. */
export function PoliticalBanner({ verdict }: { verdict: PoliticalVerdict }) {
  if (!verdict.label) return null;
  // The same word found in the title, a heading and the text is one word to the reader.
  const words = [...new Set(verdict.evidence.map((e) => e.word))];
  return (
    <section class="political" data-group="political-page" data-label={verdict.label}>
      <h2>
        {t(verdict.label === 'campaign' ? 'politicalCampaign' : 'politicalNews')}{' '}
        <span class="count">{t('politicalScore', [verdict.score.toFixed(2)])}</span>
      </h2>
      <ul class="signals">
        {verdict.reasons.map((r) => (
          <li key={`${r.kind}|${r.detail}`} class="signal" data-kind={`political-${r.kind}`}>
            <span class="signal-text">
              {r.kind === 'party-site'
                ? t('politicalPartySite', [r.detail])
                : r.kind === 'campaign-site'
                  ? t('politicalCampaignSite', [r.detail])
                  : r.kind === 'political-tech'
                  ? t('politicalTechReason', [r.detail])
                  : t('politicalWords', [words.slice(0, 12).join(', ')])}
            </span>{' '}
            <ProvenanceTag provenance={r.provenance} />
          </li>
        ))}
      </ul>
    </section>
  );
}
