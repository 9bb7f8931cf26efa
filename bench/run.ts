// npm run bench: the request engine against third-party-web's own getEntity, on the
// same corpus in the same process. Prints figures; asserts nothing.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import thirdPartyWeb from 'third-party-web';
import { attribute, classifyRequest } from '../utils/engine/classify';
import { TrackerIndex, type CompiledIndex } from '../utils/engine/tracker-index';
import { politicalVendors } from '../utils/registry/political';
import { buildCorpus } from './corpus';
import { benchDb } from './db';
import { benchProbe } from './probe';
import { summary, timeEach } from './stats';

const gc = (globalThis as { gc?: () => void }).gc;
const fmt = (n: number) => n.toFixed(3);

console.log(`machine: ${cpus()[0]?.model.trim()} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

// Index start-up, as the service worker does it on every wake: parse the JSON, build maps.
const indexText = readFileSync(join(import.meta.dirname, '../utils/engine/generated/tracker-index.json'), 'utf8');
const builds: number[] = [];
let index: TrackerIndex | undefined;
for (let i = 0; i < 5; i++) {
  index = undefined;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  index = new TrackerIndex(JSON.parse(indexText) as CompiledIndex, politicalVendors);
  builds.push(performance.now() - t0);
  if (i === 4) {
    gc?.();
    const mem = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    console.log(`index: ${index!.size} keys, build (parse + maps) median ${builds.sort((a, b) => a - b)[2]!.toFixed(1)} ms, heap +${gc ? mem.toFixed(1) + ' MiB' : 'n/a (run with --expose-gc)'} beyond the text, file ${(indexText.length / 2 ** 20).toFixed(2)} MiB`);
  }
}

const idx = index!;
const corpus = buildCorpus(50_000);
const urls = corpus.map((r) => r.url);
console.log(`corpus: ${corpus.length} requests, ${new Set(urls.map((u) => new URL(u).host)).size} hosts`);

// Warm the JIT on everything once before measuring.
for (const r of corpus) {
  attribute(r.url, idx);
  classifyRequest(r, idx);
  thirdPartyWeb.getEntity(r.url);
}

// The machine is shared and noisy: measure in rounds, each timing all three on the
// same corpus back to back, and report the median round.
const ROUNDS = 5;
const rounds = Array.from({ length: ROUNDS }, () => ({
  ours: summary(timeEach(urls, (u) => attribute(u, idx))),
  full: summary(timeEach(corpus, (r) => classifyRequest(r, idx))),
  theirs: summary(timeEach(urls, (u) => thirdPartyWeb.getEntity(u))),
}));
const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pick = (k: 'ours' | 'full' | 'theirs') => ({ median: mid(rounds.map((r) => r[k].median)), p99: mid(rounds.map((r) => r[k].p99)) });
const ours = pick('ours');
const full = pick('full');
const theirs = pick('theirs');
const ratio = mid(rounds.map((r) => r.theirs.median / r.ours.median));
const ratio99 = mid(rounds.map((r) => r.theirs.p99 / r.ours.p99));

const rows = [
  ['attribution (attribute)', ours],
  ['full classification (classifyRequest)', full],
  ['third-party-web getEntity', theirs],
] as const;
console.log(`\nµs per request, median of ${ROUNDS} rounds   median      p99`);
for (const [name, s] of rows) console.log(`${name.padEnd(40)} ${fmt(s.median).padStart(8)} ${fmt(s.p99).padStart(8)}`);
console.log(`\nattribution vs getEntity: ${ratio.toFixed(1)}× faster at the median, ${ratio99.toFixed(1)}× at p99`);
console.log(`goals: attribution median ≤ 1 µs: ${ours.median <= 1 ? 'met' : 'NOT met'}; ≥ 5× getEntity: ${ratio >= 5 ? 'met' : 'NOT met'}; full median ≤ 3 µs: ${full.median <= 3 ? 'met' : 'NOT met'}`);

// Coverage on the held-back list (tests/data/adtech-holdback.txt).
const holdback = readFileSync(join(import.meta.dirname, '../tests/data/adtech-holdback.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const res = holdback.map((d) => classifyRequest({ url: `https://${d}/`, documentUrl: 'https://www.example-news.org/' }, idx));
const tpwNamed = holdback.filter((d) => thirdPartyWeb.getEntity(`https://${d}/`)).length;
const pct = (n: number) => ((100 * n) / holdback.length).toFixed(1) + ' %';
console.log(`\nheld-back ad-tech domains: ${holdback.length}; flagged ${pct(res.filter((r) => r.listed || (r.entity && !['cdn', 'hosting'].includes(r.entity.category))).length)}, named ${pct(res.filter((r) => r.entity).length)} (third-party-web alone names ${pct(tpwNamed)})`);

await benchProbe();
await benchDb();
