import type { CompanyView } from '@/utils/tabs/view';
import { t, type MessageKey } from '@/utils/i18n';
import type { PoliticalRole } from '@/utils/registry/schema';
import { ProvenanceTag } from './ProvenanceTag';
import { SignalList } from './SignalList';

const ROLE_KEYS: Record<PoliticalRole, MessageKey> = {
  donations: 'roleDonations',
  'campaign-crm': 'roleCampaignCrm',
  organising: 'roleOrganising',
  canvassing: 'roleCanvassing',
  'voter-data': 'roleVoterData',
  'political-ad-tech': 'rolePoliticalAdTech',
};

function Status({ company }: { company: CompanyView }) {
  if (company.status === 'listed') {
    const list = company.category === 'advertising' ? t('listAdvertising') : t('listTracking');
    return <p class="status">{t('statusListed', [list])} <ProvenanceTag provenance="inferred" /></p>;
  }
  if (company.status === 'learned') {
    return <p class="status">{t('statusLearned', [company.learnedSites ?? 0])} <ProvenanceTag provenance="inferred" /></p>;
  }
  if (company.status === 'unknown') return <p class="status">{t('statusUnknown')}</p>;
  return null;
}

export function CompanyCard({ company }: { company: CompanyView }) {
  const sub = [
    company.owner && t('runBy', [company.owner]),
    company.political && t(ROLE_KEYS[company.political.role]),
    company.products.length > 1 || (company.products[0] && company.products[0] !== company.name) ? company.products.join(', ') : undefined,
  ].filter(Boolean);
  return (
    <li class={`company ${company.profiling ? 'profiling' : ''}`} data-company={company.name} data-status={company.status}>
      <div class="company-head">
        <strong class="company-name">{company.name}</strong>
        <span class="company-requests">{t('requestsCount', [company.requests])}</span>
      </div>
      {sub.length > 0 && <p class="company-sub">{sub.join(' · ')}</p>}
      <Status company={company} />
      <SignalList signals={company.signals} company={company.name} />
      <details class="hosts">
        <summary>{t('hostsLabel')}</summary>
        <ul>
          {company.hosts.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      </details>
    </li>
  );
}
