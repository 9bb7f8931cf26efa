/** Times `fn` on every input, one call at a time, and returns per-call microseconds. */
export function timeEach<T>(inputs: readonly T[], fn: (x: T) => unknown): Float64Array {
  const out = new Float64Array(inputs.length);
  // The cost of reading the clock itself, subtracted from every sample.
  let overhead = Infinity;
  for (let i = 0; i < 10_000; i++) {
    const a = process.hrtime.bigint();
    const b = process.hrtime.bigint();
    overhead = Math.min(overhead, Number(b - a));
  }
  let sink = 0;
  for (let i = 0; i < inputs.length; i++) {
    const a = process.hrtime.bigint();
    const r = fn(inputs[i]!);
    const b = process.hrtime.bigint();
    if (r) sink++;
    out[i] = Math.max(0, Number(b - a) - overhead) / 1000;
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
