/** Times `fn` on every input, one call at a time, and returns per-call microseconds, less the clock's own median cost. */
export function timeEach<T>(inputs: readonly T[], fn: (x: T) => unknown): Float64Array {
  const out = new Float64Array(inputs.length);
  // The cost of reading the clock itself, subtracted from every sample.
  // performance.now() allocates nothing, unlike hrtime.bigint(), so the clock adds no
  // garbage-collection work to what is measured.
  const clock: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const a = performance.now();
    clock.push(performance.now() - a);
  }
  const overhead = clock.sort((a, b) => a - b)[clock.length >> 1]!;
  let sink = 0;
  for (let i = 0; i < inputs.length; i++) {
    const a = performance.now();
    const r = fn(inputs[i]!);
    const b = performance.now();
    if (r) sink++;
    out[i] = Math.max(0, b - a - overhead) * 1000;
  }
  if (sink < 0) console.log(sink);
  return out;
}

export function percentile(samples: Float64Array, p: number): number {
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summary(samples: Float64Array): { median: number; p99: number } {
  return { median: percentile(samples, 50), p99: percentile(samples, 99) };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * The difference of medians, median(a) − median(b), with a 95 % bootstrap interval:
 * both samples resampled with replacement `reps` times, from a fixed seed so that a run
 * can be repeated.
 */
export function medianDifference(a: readonly number[], b: readonly number[], reps = 4000): { diff: number; lo: number; hi: number } {
  let seed = 0x2545f491;
  const rnd = () => {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const resample = (xs: readonly number[]) => xs.map(() => xs[Math.floor(rnd() * xs.length)]!);
  const diffs: number[] = [];
  for (let i = 0; i < reps; i++) diffs.push(median(resample(a)) - median(resample(b)));
  diffs.sort((x, y) => x - y);
  return { diff: median(a) - median(b), lo: diffs[Math.floor(0.025 * reps)]!, hi: diffs[Math.ceil(0.975 * reps) - 1]! };
}
