import { describe, expect, it } from 'vitest';
import { BRIDGE_LIMITS, BridgeGate } from '@/utils/observe/bridge-gate';

const replay = (vendor: string) => JSON.stringify({ kind: 'replay', vendor });

describe('the isolated bridge gate', () => {
  it('lets known kinds through once; drops non-strings, bad JSON, unknown kinds and oversized events before parsing', () => {
    const gate = new BridgeGate(() => 0);
    expect(gate.admitEvent(replay('Hotjar'))).toEqual({ kind: 'replay', vendor: 'Hotjar' });
    expect(gate.admitEvent(replay('Hotjar'))).toBeUndefined();
    for (const bad of [{ kind: 'replay', vendor: 'x' }, 42, null, '{not json', 'null', '"replay"', JSON.stringify({ kind: 'eval', code: 'alert(1)' }), JSON.stringify({ vendor: 'x' })]) {
      expect(gate.admitEvent(bad)).toBeUndefined();
    }
    const big = JSON.stringify({ kind: 'replay', vendor: 'x'.repeat(BRIDGE_LIMITS.maxChars) });
    const parse = JSON.parse;
    let parsed = 0;
    JSON.parse = ((...a: Parameters<typeof JSON.parse>) => (parsed++, parse(...a))) as typeof JSON.parse;
    try {
      expect(gate.admitEvent(big)).toBeUndefined();
      expect(gate.admitEvent('x'.repeat(10 * 1024 * 1024))).toBeUndefined();
      expect(parsed).toBe(0);
    } finally {
      JSON.parse = parse;
    }
  });

  it('a burst, then a steady rate: a sustained flood gets through at the rate, not at the flood\'s', () => {
    let t = 0;
    const gate = new BridgeGate(() => t);
    let through = 0;
    for (let i = 0; i < 1000; i++) if (gate.admitEvent(replay(`burst-${i}`))) through++;
    expect(through).toBe(BRIDGE_LIMITS.burst);
    // Ten seconds of 1,000 events a second.
    through = 0;
    for (let s = 0; s < 10; s++) {
      for (let i = 0; i < 1000; i++) {
        t += 1;
        if (gate.admitEvent(replay(`flood-${s}-${i}`))) through++;
      }
    }
    expect(through).toBeGreaterThanOrEqual(10 * BRIDGE_LIMITS.perSecond - 1);
    expect(through).toBeLessThanOrEqual(10 * BRIDGE_LIMITS.perSecond + 1);
  });

  it('never more than its cap per page, however slowly the page sends', () => {
    let t = 0;
    const gate = new BridgeGate(() => t);
    let through = 0;
    for (let i = 0; i < 2000; i++) {
      t += 1000;
      if (gate.admitEvent(replay(`slow-${i}`))) through++;
    }
    expect(through).toBe(BRIDGE_LIMITS.maxPerPage);
  });

  it('findings read from the DOM go through the same limits', () => {
    const gate = new BridgeGate(() => 0, { ...BRIDGE_LIMITS, burst: 1 });
    const f = { kind: 'campaign', platform: 'actblue', evidence: 'actblue-donate' } as const;
    expect(gate.admit(f, JSON.stringify(f))).toBe(f);
    expect(gate.admit(f, JSON.stringify(f))).toBeUndefined();
    expect(gate.admit({ ...f, platform: 'winred' }, 'winred')).toBeUndefined(); // no token left
  });
});
