import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Debounce } from '@/utils/debounce';

describe('Debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once the changes have been quiet for quietMs', () => {
    const fn = vi.fn();
    const d = new Debounce(fn, 200, 1000);
    d.poke();
    vi.advanceTimersByTime(150);
    d.poke();
    vi.advanceTimersByTime(150);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('runs at the latest maxMs after the first change while changes keep coming', () => {
    const fn = vi.fn();
    const d = new Debounce(fn, 200, 1000);
    for (let t = 0; t < 1000; t += 100) {
      d.poke();
      vi.advanceTimersByTime(100);
    }
    expect(fn).toHaveBeenCalledTimes(1);
    d.poke();
    vi.advanceTimersByTime(199);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('sets one timer for many changes, and none after cancel', () => {
    const fn = vi.fn();
    const d = new Debounce(fn, 200, 1000);
    const set = vi.spyOn(globalThis, 'setTimeout');
    for (let i = 0; i < 500; i++) d.poke();
    expect(set).toHaveBeenCalledTimes(1);
    d.cancel();
    vi.advanceTimersByTime(2000);
    expect(fn).not.toHaveBeenCalled();
    d.poke();
    vi.advanceTimersByTime(200);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
