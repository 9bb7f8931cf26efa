import { GVL, TCModel, TCString } from '@iabtechlabtcf/core';
import { describe, expect, it } from 'vitest';
import { decodeTcString, refusesAdProfiles } from '@/utils/engine/consent';
import { scriptFromStack } from '@/utils/engine/stack';
import { probeFindingSchema } from '@/utils/probe-schema';
import { testVendorList } from '../fixtures/consent/vendor-list';

function tcString(purposes: number[], vendors: number[], specialFeatures: number[] = []): string {
  const m = new TCModel(new GVL(testVendorList(900)));
  m.cmpId = 300;
  m.cmpVersion = 1;
  m.publisherCountryCode = 'DE';
  m.purposeConsents.set(purposes);
  m.vendorConsents.set(vendors);
  m.specialFeatureOptins.set(specialFeatures);
  return TCString.encode(m);
}

describe('TC strings', () => {
  it('reads purposes 3 and 4, special feature 2 and the vendor count from the string itself', () => {
    const refused = decodeTcString(tcString([1, 2, 7, 8], Array.from({ length: 812 }, (_, i) => i + 1)))!;
    expect(refused).toMatchObject({ cmpId: 300, storage: true, createAdProfile: false, useAdProfile: false, deviceScan: false, vendors: 812, publisherCountry: 'DE' });
    expect(refusesAdProfiles(refused)).toBe(true);
    const granted = decodeTcString(tcString([1, 2, 3, 4], [1, 2, 3], [2]))!;
    expect(granted).toMatchObject({ createAdProfile: true, useAdProfile: true, deviceScan: true, vendors: 3 });
    expect(refusesAdProfiles(granted)).toBe(false);
  });
  it('refuses what is not a TC string', () => {
    for (const s of ['', 'DBABMA~CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA', 'C' + '!'.repeat(50), 'C'.repeat(9000), 42 as unknown as string]) {
      expect(decodeTcString(s)).toBeUndefined();
    }
  });
});

describe('stack attribution', () => {
  it('takes the first frame that is not the extension', () => {
    const chrome = `Error
    at HTMLCanvasElement.toDataURL (chrome-extension://abcdef/content-scripts/probe.js:1:999)
    at fp (https://cdn.fingerprint-vendor.example/fp.min.js?v=3:1:2345)
    at https://www.example-news.org/article:20:5`;
    expect(scriptFromStack(chrome)).toBe('https://cdn.fingerprint-vendor.example/fp.min.js?v=3');
    const firefox = 'toDataURL@moz-extension://x/probe.js:1:2\nfp@https://cdn.fp.example/fp.js:3:4\n';
    expect(scriptFromStack(firefox)).toBe('https://cdn.fp.example/fp.js');
    expect(scriptFromStack('Error\n    at <anonymous>:1:1')).toBeUndefined();
    expect(scriptFromStack(undefined)).toBeUndefined();
  });
});

describe('probe findings from the page are bounded', () => {
  it('accepts the shapes it knows', () => {
    expect(probeFindingSchema.safeParse({ kind: 'eids', providers: [{ source: 'liveramp.com', atype: 3 }] }).success).toBe(true);
    expect(probeFindingSchema.safeParse({ kind: 'identity-config', platform: 'meta', tag: '123', fields: ['em', 'ph'] }).success).toBe(true);
  });
  it('drops unknown kinds, oversized strings and long lists', () => {
    for (const bad of [
      { kind: 'eval', code: 'alert(1)' },
      { kind: 'replay', vendor: 'x'.repeat(65) },
      { kind: 'eids', providers: Array.from({ length: 51 }, () => ({ source: 'a.com' })) },
      { kind: 'identity-config', platform: 'myspace', fields: [] },
      { kind: 'fingerprint', technique: 'canvas', script: 'https://a/' + 'x'.repeat(3000) },
    ]) {
      expect(probeFindingSchema.safeParse(bad).success).toBe(false);
    }
  });
});
