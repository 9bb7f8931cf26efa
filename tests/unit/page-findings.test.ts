import { describe, expect, it } from 'vitest';
import { classifyRequest } from '@/utils/engine';
import { emptyFindings, recordFinding } from '@/utils/tabs/page-findings';

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
