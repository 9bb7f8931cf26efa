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
