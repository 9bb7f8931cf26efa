import { browser } from 'wxt/browser';
import { AD_SECTIONS, type AdSection, type AdView } from '@/utils/ads/explain';
import { adLineText, languageName } from '@/utils/ads/line-text';
import { t, type MessageKey } from '@/utils/i18n';
import { ProvenanceTag } from './ProvenanceTag';

const SECTION_KEYS: Record<AdSection, MessageKey> = {
  bought: 'adSectionBought',
  paid: 'adSectionPaid',
  told: 'adSectionTold',
  known: 'adSectionKnown',
  rules: 'adSectionRules',
};

/** Asks the page's top frame to outline a slot (or to remove the outline). */
function outline(tabId: number, slot: string | null): void {
  browser.tabs.sendMessage(tabId, { type: 'outline', slot }, { frameId: 0 }).catch(() => undefined);
}

function AdCard({ ad, tabId }: { ad: AdView; tabId: number }) {
  const show = () => outline(tabId, ad.key);
  const hide = () => outline(tabId, null);
  return (
    <li class={`ad${ad.political ? ' ad-political' : ''}`} data-slot={ad.key} data-slot-kind={ad.kind} data-political={String(ad.political)} tabIndex={0} onMouseEnter={show} onFocus={show} onMouseLeave={hide} onBlur={hide}>
      <div class="ad-head">
        <strong class="ad-name">{ad.political ? t('adPolitical') : t('adSlot', [ad.key])}</strong>
        {ad.political && <span class="count"> {t('adSlot', [ad.key])}</span>}
      </div>
      {ad.sponsor && <p class="ad-sponsor">{t('adSponsorHead', [ad.sponsor])}</p>}
      {ad.labels.map((l) => (
        <p key={l.text} class="ad-label" data-language={l.language}>
          {t('adLabelHead', [l.text, languageName(l.language)])}
        </p>
      ))}
      {AD_SECTIONS.map((section) => {
        const lines = ad.lines.filter((l) => l.section === section);
        if (!lines.length) return null;
        return (
          <div key={section} class="ad-section" data-section={section}>
            <h3>{t(SECTION_KEYS[section])}</h3>
            <ul class="signals">
              {lines.map((l, i) => (
                <li key={`${l.key}|${i}`} class="signal" data-kind={l.key}>
                  <span class="signal-text">{adLineText(l)}</span> <ProvenanceTag provenance={l.provenance} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </li>
  );
}

/** "Why did I see this ad?" for each ad slot on the page. */
export function AdsPanel({ ads, tabId }: { ads: AdView[]; tabId: number }) {
  if (!ads.length) return null;
  return (
    <section class="group" data-group="ads">
      <h2>{t('adsTitle')}</h2>
      <p class="hint">{t('adHoverHint')}</p>
      <ul class="ads">
        {ads.map((ad) => (
          <AdCard key={ad.key} ad={ad} tabId={tabId} />
        ))}
      </ul>
    </section>
  );
}
