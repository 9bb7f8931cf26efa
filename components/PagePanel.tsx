import { fieldOfName } from '@/utils/engine/identity';
import type { IdentityField } from '@/utils/engine/types';
import { fieldList, t, type MessageKey } from '@/utils/i18n';
import type { MismatchEvidence, PageView } from '@/utils/tabs/page-view';
import type { FINGERPRINT_TECHNIQUES } from '@/utils/probe-schema';

type ProbeTechnique = (typeof FINGERPRINT_TECHNIQUES)[number];
import { Fragment, type ComponentChildren } from 'preact';
import { ProvenanceTag } from './ProvenanceTag';

const PLATFORMS: Record<string, string> = {
  meta: 'Meta', google: 'Google', tiktok: 'TikTok', snap: 'Snap', criteo: 'Criteo', linkedin: 'LinkedIn', x: 'X', microsoft: 'Microsoft',
  nationbuilder: 'NationBuilder', everyaction: 'EveryAction', actblue: 'ActBlue', 'action-network': 'Action Network', winred: 'WinRed', anedot: 'Anedot', mobilize: 'Mobilize',
};
// What received the data against the person's choice: [after refusing, without any consent].
const EVIDENCE: Record<MismatchEvidence['kind'], [MessageKey, MessageKey]> = {
  'hashed-identity': ['mismatchHashedRefused', 'mismatchHashedNone'],
  'plain-identity': ['mismatchPlainRefused', 'mismatchPlainNone'],
  'id-sync': ['mismatchSyncRefused', 'mismatchSyncNone'],
  'third-party-cookie': ['mismatchCookieRefused', 'mismatchCookieNone'],
};
const TECHNIQUES: Record<ProbeTechnique, MessageKey> = { canvas: 'techCanvas', webgl: 'techWebgl', audio: 'techAudio', fonts: 'techFonts', navigator: 'techNavigator' };

function Section({ id, title, children }: { id: string; title: MessageKey; children: ComponentChildren }) {
  return (
    <section class="group" data-group={id}>
      <h2>{t(title)}</h2>
      <ul class="signals">{children}</ul>
    </section>
  );
}

function Line({ kind, provenance, children }: { kind: string; provenance: 'observed' | 'declared' | 'inferred'; children: ComponentChildren }) {
  return (
    <li class={`signal signal-${kind}`} data-kind={kind}>
      <span class="signal-text">{children}</span> <ProvenanceTag provenance={provenance} />
    </li>
  );
}

/** Field names a page configured, in words where we know them. */
function fieldsText(names: string[]): string {
  const known = [...new Set(names.map(fieldOfName).filter((f): f is IdentityField => !!f))];
  const unknown = names.filter((n) => !fieldOfName(n));
  return [fieldList(known), ...unknown].filter(Boolean).join(t('listSeparator'));
}

/**
 * What the page itself revealed: consent, identity matching, auctions, fingerprinting,
 * recording. All of it crossed the probe's bridge, which the page can forge: declared.
 */
export function PagePanel({ page }: { page: PageView }) {
  const c = page.consent;
  const frames = page.frameConsent ?? [];
  const gpp = page.gpp.us.length + page.gpp.other.length > 0;
  return (
    <>
      {!!page.dropped && (
        <p class="late" data-kind="probe-dropped">
          {t('probeDropped', [page.dropped])}
        </p>
      )}
      {(c || page.consentMismatch || gpp || frames.length > 0) && (
        <Section id="consent" title="sectionConsent">
          {page.consentMismatch && (
            <Line kind="consent-mismatch" provenance="inferred">
              {t(page.consentMismatch.reason === 'refused' ? 'consentMismatchRefused' : 'consentMismatchNone', [page.consentMismatch.companies.join(t('listSeparator'))])}
            </Line>
          )}
          {page.consentMismatch?.evidence.map((e) => (
            <Line key={`${e.company}|${e.kind}|${e.names.join()}`} kind="consent-mismatch-evidence" provenance="inferred">
              <span data-company={e.company} data-signal={e.kind}>
                {t(EVIDENCE[e.kind][page.consentMismatch!.reason === 'refused' ? 0 : 1], [e.company, fieldList(e.fields) || e.names.join(', '), e.names.join(', ')])}
              </span>
            </Line>
          ))}
          {c && (
            <Line kind="consent" provenance="declared">
              {t('consentVendors', [c.vendors])} {t(c.createAdProfile && c.useAdProfile ? 'consentProfilesAllowed' : 'consentProfilesRefused')}{' '}
              {t(c.deviceScan ? 'consentDeviceScanAllowed' : 'consentDeviceScanRefused')} {t('consentSource', [c.cmpId])}
            </Line>
          )}
          {frames.map((f) => (
            <Line key={f.origin} kind="frame-consent" provenance="declared">
              <span data-origin={f.origin}>
                {t('consentFrame', [f.origin, f.vendors])} {t(f.createAdProfile && f.useAdProfile ? 'consentProfilesAllowed' : 'consentProfilesRefused')}
              </span>
            </Line>
          ))}
          {page.gpp.us.length > 0 && (
            <Line kind="gpp" provenance="declared">
              <span data-sections={page.gpp.us.join(' ')}>{t('consentGpp', [page.gpp.us.join(', ')])}</span>
            </Line>
          )}
          {page.gpp.other.length > 0 && (
            <Line kind="gpp-other" provenance="declared">
              <span data-sections={page.gpp.other.join(' ')}>{t('consentGppOther', [page.gpp.other.join(', ')])}</span>
            </Line>
          )}
        </Section>
      )}
      {page.identity.length > 0 && (
        <Section id="identity" title="sectionIdentityMatching">
          {page.identity.map((i) => (
            <Line key={`${i.platform}|${i.tag}|${i.origin}`} kind="identity-config" provenance="declared">
              <span data-platform={i.platform} data-tag={i.tag} data-fields={i.fields.join(' ')}>
                {!i.fields.length
                  ? t('identityConfigTag', [PLATFORMS[i.platform] ?? i.platform, i.tag ?? ''])
                  : i.tag !== undefined
                    ? t('identityConfigTagFields', [PLATFORMS[i.platform] ?? i.platform, i.tag, fieldsText(i.fields)])
                    : t('identityConfig', [PLATFORMS[i.platform] ?? i.platform, fieldsText(i.fields)])}
              </span>
            </Line>
          ))}
        </Section>
      )}
      {(page.eids.length > 0 || page.bids.length > 0 || page.slots.length > 0) && (
        <Section id="auctions" title="sectionAuctions">
          {page.eids.length > 0 && (
            <Line kind="eids" provenance="declared">
              {t('eidsLine')}{' '}
              {page.eids.map((e, n) => (
                <Fragment key={e.source}>
                  {n > 0 ? t('listSeparator') : ''}
                  <span class="eid" data-person-based={e.personBased}>
                    {e.source}
                    {e.personBased ? ` (${t('personBased')})` : ''}
                  </span>
                </Fragment>
              ))}
            </Line>
          )}
          {page.bids.map((b) => (
            <Line key={`${b.slot}|${b.bidder}|${b.origin}`} kind="bid" provenance="declared">
              <span data-slot={b.slot}>
                {t('bidWon', [b.slot, b.bidder, b.advertiserDomains.join(', ') || t('unknownAdvertiser')])}
                {b.dsa && (b.dsa.behalf || b.dsa.paid) ? ' ' + t('bidDsa', [b.dsa.behalf ?? t('unknownValue'), b.dsa.paid ?? t('unknownValue')]) : ''}
              </span>
            </Line>
          ))}
          {page.slots.map((s) => (
            <Line key={`${s.slot}|${s.elementId}|${s.origin}`} kind="gpt-slot" provenance="declared">
              <span data-slot={s.elementId} data-creative={s.creativeId} data-keys={[...(s.pageKeys ?? []), ...s.targetingKeys].join(' ')}>
                {t('gptSlot', [s.slot, s.advertiserId ?? t('unknownValue'), s.campaignId ?? t('unknownValue'), s.creativeId ?? t('unknownValue')])}
                {s.targetingKeys.length || s.pageKeys?.length ? ' ' + t('gptSlotKeys', [[...new Set([...(s.pageKeys ?? []), ...s.targetingKeys])].join(', ')]) : ''}
              </span>
            </Line>
          ))}
        </Section>
      )}
      {page.fingerprinting.length > 0 && (
        <Section id="fingerprinting" title="sectionFingerprinting">
          {page.fingerprinting.map((f) => (
            <Line key={f.technique + f.script} kind="fingerprint" provenance="declared">
              <span data-company={f.company} data-technique={f.technique}>
                {f.company ? t('fingerprintLine', [f.company, t(TECHNIQUES[f.technique]), f.script]) : t('fingerprintUnattributed', [t(TECHNIQUES[f.technique]), f.script])}
              </span>
            </Line>
          ))}
        </Section>
      )}
      {(page.replay.length > 0 || page.keylogging.length > 0) && (
        <Section id="recording" title="sectionRecording">
          {page.replay.map((r) => (
            <Line key={r.vendor} kind="replay" provenance="declared">
              {t('replayLine', [r.vendor])}
            </Line>
          ))}
          {page.keylogging.map((k) => (
            <Line key={`${k.script}|${k.event}`} kind="keylogging" provenance="declared">
              <span data-company={k.company} data-event={k.event}>
                {!k.company ? t('keylogUnattributed', [k.script, k.event]) : k.event === 'value' ? t('keylogValueLine', [k.company]) : t('keylogLine', [k.company, k.event])}
              </span>
            </Line>
          ))}
        </Section>
      )}
      {page.campaign.length > 0 && (
        <Section id="campaign" title="sectionCampaign">
          {page.campaign.map((p) => (
            <Line key={p.platform} kind="campaign" provenance="declared">
              {t('campaignLine', [PLATFORMS[p.platform] ?? p.platform, p.evidence])}
            </Line>
          ))}
        </Section>
      )}
    </>
  );
}
