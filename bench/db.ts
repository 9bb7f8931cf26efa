// The history store in real Chromium IndexedDB: ingest rate, dashboard queries over
// 1,000,000 observations and an export of them, with the page's peak JS heap. The store's
// code is bundled into a plain page (not the extension), served from 127.0.0.1.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath } from '../tests/e2e/harness';
import { median } from './stats';

const OUT = join(import.meta.dirname, '.tmp/db');
// The million observations; BENCH_OBSERVATIONS=200000 for a quicker look.
const OBSERVATIONS = Number(process.env.BENCH_OBSERVATIONS ?? 1_000_000);
// A row per contact writes a few thousand rows a second here: a tenth is enough for its rate.
const PEER_OBSERVATIONS = Math.max(20_000, OBSERVATIONS / 10);

interface Bench {
  ingest(n: number): Promise<{ observations: number; signals: number; ms: number; perSecond: number }>;
  peer(layout: 'visit-rows' | 'contact-rows', n: number): Promise<{ observations: number; ms: number; perSecond: number }>;
  queries(): Promise<Record<string, number[]>>;
  exportRun(format: string): Promise<{ rows: number; ms: number; bytes: number }>;
  counts(): Promise<{ stored: Record<string, number>; records: Record<string, number> }>;
}


export async function benchDb(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: { outDir: OUT, emptyOutDir: true, minify: true, lib: { entry: join(import.meta.dirname, 'db/page.ts'), formats: ['iife'], name: 'Bench', fileName: () => 'bench.js' } },
  });
  writeFileSync(join(OUT, 'index.html'), '<!doctype html><meta charset="utf-8"><title>loading</title><script src="bench.js"></script>');
  const server = createServer((req, res) => {
    const file = req.url === '/bench.js' ? 'bench.js' : 'index.html';
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' });
    res.end(readFileSync(join(OUT, file)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const profile = mkdtempSync(join(tmpdir(), 'targetlens-dbbench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'));
    console.log(`\nhistory store in Chromium ${version} IndexedDB (utils/db):`);
    const run = <T>(fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => ((window as unknown as { bench: Record<string, (...x: unknown[]) => Promise<unknown>> }).bench[f as string]!(...(a as unknown[]))) as Promise<T>, [fn, args] as const);

    const ing = await run<Awaited<ReturnType<Bench['ingest']>>>('ingest', OBSERVATIONS);
    const counts = await run<Awaited<ReturnType<Bench['counts']>>>('counts');
    console.log(`  ingest: ${ing.observations.toLocaleString('en')} observations (visit × company contacts) and ${ing.signals.toLocaleString('en')} signals in batches of 200 visits: ${(ing.ms / 1000).toFixed(1)} s, ${Math.round(ing.perSecond).toLocaleString('en')} observations/s (goal ≥ 50,000)`);
    const list = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ');
    console.log(`  rows stored: ${list(counts.stored)}; records (as exported): ${list(counts.records)}`);

    const q = await run<Record<string, number[]>>('queries');
    console.log(`  dashboard queries over ${ing.observations.toLocaleString('en')} observations, median of ${Object.values(q)[0]!.length} runs (goal ≤ 200 ms):`);
    for (const [name, times] of Object.entries(q)) console.log(`    ${name.padEnd(40)} ${median(times).toFixed(1).padStart(8)} ms`);

    // Peak JS heap of the page during the export, polled through CDP.
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const base = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    let peak = base;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        peak = Math.max(peak, usedSize);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const ex = await run<{ rows: number; ms: number; bytes: number }>('exportRun', 'ndjson');
    polling = false;
    await poll;
    const mb = (n: number) => (n / 2 ** 20).toFixed(0);
    console.log(`  export NDJSON: ${ex.rows.toLocaleString('en')} rows, ${mb(ex.bytes)} MiB in ${(ex.ms / 1000).toFixed(1)} s; peak JS heap ${mb(peak)} MiB (${mb(base)} MiB before) (goal ≤ 200 MB)`);
    // Peers in the same browser, after ours (a fresh database each): plain IndexedDB puts of the same history.
    const ceiling = await run<Awaited<ReturnType<Bench['peer']>>>('peer', 'visit-rows', OBSERVATIONS);
    const v2 = await run<Awaited<ReturnType<Bench['peer']>>>('peer', 'contact-rows', PEER_OBSERVATIONS);
    const rate = (x: { perSecond: number }) => `${Math.round(x.perSecond).toLocaleString('en')} observations/s`;
    console.log(`  peer, plain IndexedDB putting the same visit rows (no reads, no rollups): ${rate(ceiling)}; writeVisits reaches ${((100 * ing.perSecond) / ceiling.perSecond).toFixed(0)} % of it`);
    console.log(`  peer, plain IndexedDB putting a row per visit, contact and signal (store version 2's layout, no rollups), ${v2.observations.toLocaleString('en')} observations: ${rate(v2)}; writeVisits is ${(ing.perSecond / v2.perSecond).toFixed(1)}× faster`);
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

