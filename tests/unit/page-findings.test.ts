import { GVL, TCModel, TCString } from '@iabtechlabtcf/core';
import { describe, expect, it } from 'vitest';
import { classifyRequest } from '@/utils/engine';
import { emptyFindings, recordFinding } from '@/utils/tabs/page-findings';
import { testVendorList } from '../fixtures/consent/vendor-list';

const PAGE = 'https://www.trailgear-shop.com/thanks.html';
const ORIGIN = 'https://www.trailgear-shop.com';
const classify = (url: string) => classifyRequest({ url, documentUrl: PAGE });

describe('merging identity configuration', () => {
  it('a tag and the fields set up for it, arriving apart, make one entry', () => {
    const p = emptyFindings();
    expect(recordFinding(p, { kind: 'identity-config', platform: 'microsoft', tag: '187001234', fields: [] }, ORIGIN, classify)).toBe(true);
    expect(recordFinding(p, { kind: 'identity-config', platform: 'microsoft', fields: ['em', 'ph'] }, ORIGIN, classify)).toBe(true);
    expect(recordFinding(p, { kind: 'identity-config', platform: 'microsoft', fields: ['em'] }, ORIGIN, classify)).toBe(false);
    expect(p.identity).toEqual([{ platform: 'microsoft', tag: '187001234', fields: ['em', 'ph'], origin: ORIGIN }]);
    // Fields first, tag later: the entry is named.
    recordFinding(p, { kind: 'identity-config', platform: 'tiktok', fields: ['email'] }, ORIGIN, classify);
    expect(recordFinding(p, { kind: 'identity-config', platform: 'tiktok', tag: 'CTRAIL0001', fields: [] }, ORIGIN, classify)).toBe(true);
    expect(p.identity.find((i) => i.platform === 'tiktok')).toEqual({ platform: 'tiktok', tag: 'CTRAIL0001', fields: ['email'], origin: ORIGIN });
  });
  it('two tags of one platform stay apart; untagged fields then go to an entry of their own', () => {
    const p = emptyFindings();
    recordFinding(p, { kind: 'identity-config', platform: 'linkedin', tag: '1', fields: [] }, ORIGIN, classify);
    recordFinding(p, { kind: 'identity-config', platform: 'linkedin', tag: '2', fields: [] }, ORIGIN, classify);
    recordFinding(p, { kind: 'identity-config', platform: 'linkedin', fields: ['email'] }, ORIGIN, classify);
    expect(p.identity.map((i) => [i.tag, i.fields])).toEqual([['1', []], ['2', []], [undefined, ['email']]]);
  });
  it('frames keep their own entries, and the list is bounded', () => {
    const p = emptyFindings();
    recordFinding(p, { kind: 'identity-config', platform: 'meta', tag: '1', fields: ['em'] }, ORIGIN, classify);
    recordFinding(p, { kind: 'identity-config', platform: 'meta', tag: '1', fields: ['ph'] }, 'https://ads.example', classify);
    expect(p.identity.map((i) => [i.origin, i.fields])).toEqual([[ORIGIN, ['em']], ['https://ads.example', ['ph']]]);
    for (let i = 0; i < 100; i++) recordFinding(p, { kind: 'identity-config', platform: 'meta', tag: `t${i}`, fields: [] }, ORIGIN, classify);
    expect(p.identity.length).toBe(30);
    const many = Array.from({ length: 24 }, (_, i) => `f${i}`);
    recordFinding(p, { kind: 'identity-config', platform: 'meta', tag: '1', fields: many }, ORIGIN, classify);
    expect(p.identity[0]!.fields.length).toBe(24);
  });
});

describe('merging what scripts did', () => {
  it('fingerprinting: attributed to the script\'s company, once per technique and script, query strings dropped, bounded', () => {
    const p = emptyFindings();
    const f = { kind: 'fingerprint', technique: 'canvas', script: 'https://h.online-metrix.net/fp/tags.js?session=abc123' } as const;
    expect(recordFinding(p, f, ORIGIN, classify)).toBe(true);
    expect(recordFinding(p, { ...f, script: 'https://h.online-metrix.net/fp/tags.js?session=other' }, ORIGIN, classify)).toBe(false);
    expect(p.fingerprinting).toEqual([{ technique: 'canvas', script: 'https://h.online-metrix.net/fp/tags.js', company: 'ThreatMetrix', party: 'third', origin: ORIGIN }]);
    // A blob: script is kept, attributed to no one.
    recordFinding(p, { kind: 'fingerprint', technique: 'navigator', script: 'blob:https://www.trailgear-shop.com' }, ORIGIN, classify);
    expect(p.fingerprinting[1]).toEqual({ technique: 'navigator', script: 'blob:https://www.trailgear-shop.com', company: undefined, party: 'third', origin: ORIGIN });
    for (let i = 0; i < 100; i++) recordFinding(p, { kind: 'fingerprint', technique: 'fonts', script: `https://fp${i}.example/x.js` }, ORIGIN, classify);
    expect(p.fingerprinting).toHaveLength(30);
  });
  it('key logging: third parties only, per script and event; a blob: script is kept, an inline one is the page\'s', () => {
    const p = emptyFindings();
    expect(recordFinding(p, { kind: 'keylogging', script: 'https://www.trailgear-shop.com/app.js', event: 'input' }, ORIGIN, classify)).toBe(false);
    expect(recordFinding(p, { kind: 'keylogging', script: 'about:srcdoc', event: 'input' }, ORIGIN, classify)).toBe(false);
    expect(recordFinding(p, { kind: 'keylogging', script: 'https://static.hotjar.com/c/hotjar-1.js', event: 'input' }, ORIGIN, classify)).toBe(true);
    expect(recordFinding(p, { kind: 'keylogging', script: 'https://static.hotjar.com/c/hotjar-1.js', event: 'value' }, ORIGIN, classify)).toBe(true);
    expect(recordFinding(p, { kind: 'keylogging', script: 'blob:https://www.trailgear-shop.com', event: 'keydown' }, ORIGIN, classify)).toBe(true);
    expect(p.keylogging.map((k) => [k.company, k.event])).toEqual([['Hotjar', 'input'], ['Hotjar', 'value'], [undefined, 'keydown']]);
    for (let i = 0; i < 50; i++) recordFinding(p, { kind: 'keylogging', script: `https://k${i}.example/x.js`, event: 'input' }, ORIGIN, classify);
    expect(p.keylogging).toHaveLength(10);
  });
  it('a GPT slot read again after it rendered replaces the earlier reading', () => {
    const p = emptyFindings();
    const slot = { kind: 'gpt-slot' as const, slot: '/1/top', elementId: 'div-top', targetingKeys: [] as string[] };
    expect(recordFinding(p, slot, ORIGIN, classify)).toBe(true);
    expect(recordFinding(p, slot, ORIGIN, classify)).toBe(false);
    expect(recordFinding(p, { ...slot, advertiserId: 5, creativeId: 7 }, ORIGIN, classify)).toBe(true);
    expect(p.slots).toEqual([{ ...slot, advertiserId: 5, creativeId: 7, origin: ORIGIN }]);
  });
  it('frames\' consent: one per origin, at most five origins, never the top frame\'s', () => {
    const p = emptyFindings();
    const m = new TCModel(new GVL(testVendorList(10)));
    m.cmpId = 9;
    m.cmpVersion = 1;
    m.purposeConsents.set([1, 2, 3, 4]);
    const granted = TCString.encode(m);
    // Not a TC string: nothing recorded, and the top frame's flag untouched.
    expect(recordFinding(p, { kind: 'tcf', tcString: 'Cxx', gdprApplies: true }, 'https://a.example', classify, false)).toBe(false);
    expect(p.gdprApplies).toBeUndefined();
    for (let i = 0; i < 8; i++) recordFinding(p, { kind: 'tcf', tcString: granted }, `https://f${i}.example`, classify, false);
    recordFinding(p, { kind: 'tcf', tcString: granted }, 'https://f0.example', classify, false);
    expect(p.frameConsent?.map((f) => f.origin)).toEqual(['https://f0.example', 'https://f1.example', 'https://f2.example', 'https://f3.example', 'https://f4.example']);
    expect(p.consent).toBeUndefined();
  });
});
