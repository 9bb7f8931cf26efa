import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryDB } from '@/utils/db/database';
import { deleteEverything } from '@/utils/db/delete';
import { exportBytes, exportChunks, type ExportRequest } from '@/utils/db/export';
import { exportDocumentSchema, ndjsonLineSchema } from '@/utils/db/export-schema';
import { importBytes } from '@/utils/db/import';
import { DAY, dump, fill, freshDb, T0 } from './fixtures';

const ctx = { extensionVersion: '0.1.0', now: T0 + 5 * DAY };

describe('export and import', () => {
  let db: HistoryDB;
  beforeEach(async () => {
    db = freshDb();
    await fill(db);
  });
  afterEach(async () => db.delete());

  for (const format of ['json', 'ndjson', 'csv'] as const) {
    it(`${format}: export, delete everything, import gives identical data; a second import adds nothing`, async () => {
      const before = await dump(db);
      const bytes = await exportBytes(db, { format, dropPaths: false }, ctx);
      await deleteEverything(db);
      expect(await db.visits.count()).toBe(0);
      const first = await importBytes(db, bytes);
      expect(first).toEqual({ ok: true, added: { visits: 3, contacts: 6, signals: 5, ads: 1 } });
      expect(await dump(db)).toEqual(before);
      const again = await importBytes(db, bytes);
      expect(again).toEqual({ ok: true, added: { visits: 0, contacts: 0, signals: 0, ads: 0 } });
      expect(await dump(db)).toEqual(before);
    });
  }

  it('every export starts with the header; JSON and NDJSON validate against the published schemas', async () => {
    const json = new TextDecoder().decode(await exportBytes(db, { format: 'json', dropPaths: false }, ctx));
    expect(json.startsWith('{"format":"targetlens-export","version":1,"exportedAt":"2026-03-15T12:00:00.000Z","extensionVersion":"0.1.0","options":{"format":"json","paths":"kept","sites":"kept"}')).toBe(true);
    expect(exportDocumentSchema.safeParse(JSON.parse(json)).success).toBe(true);
    const lines = new TextDecoder().decode(await exportBytes(db, { format: 'ndjson', dropPaths: false }, ctx)).trim().split('\n');
    expect(lines[0]!.startsWith('{"format":"targetlens-export","version":1,')).toBe(true);
    expect(lines.map((l) => JSON.parse(l).type)).toEqual(['header', 'visit', 'visit', 'visit', ...Array(6).fill('contact'), ...Array(5).fill('signal'), 'ad', ...Array(4).fill('rollup'), 'end']);
    for (const l of lines) expect(ndjsonLineSchema.safeParse(JSON.parse(l)).success, l).toBe(true);
    const zip = unzipSync(await exportBytes(db, { format: 'csv', dropPaths: false }, ctx));
    expect(Object.keys(zip)).toEqual(['header.json', 'visits.csv', 'contacts.csv', 'signals.csv', 'ads.csv', 'rollups.csv', 'end.json']);
    expect(JSON.parse(strFromU8(zip['header.json']!))).toMatchObject({ format: 'targetlens-export', version: 1 });
    expect(strFromU8(zip['visits.csv']!).split('\r\n')[0]).toBe('id,site,path,url,title,time,requests,thirdParty,political');
  });

  it('streams in pages, with progress up to the total', async () => {
    const seen: [number, number][] = [];
    let chunks = 0;
    for await (const _ of exportChunks(db, { format: 'ndjson', dropPaths: false }, { ...ctx, pageSize: 2, onProgress: (d, t) => seen.push([d, t]) })) chunks++;
    expect(chunks).toBeGreaterThan(8);
    expect(seen[0]).toEqual([0, 19]);
    expect(seen[seen.length - 1]).toEqual([19, 19]);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1]![0])).toBe(true);
  });

  it('drops paths, titles and URLs, and replaces visited sites with keyed hashes joinable across participants', async () => {
    const req: ExportRequest = { format: 'ndjson', dropPaths: true, studyKey: 'study-2026-secret' };
    const text = new TextDecoder().decode(await exportBytes(db, req, ctx));
    const records = text.trim().split('\n').map((l) => JSON.parse(l));
    // Ads keep their advertiser: what was advertised is the research data, not where the person was.
    const aboutVisits = JSON.stringify(records.filter((r) => r.type !== 'ad'));
    for (const s of ['moreau2026', 'lindenbakery', 'trailgear', '/donate', 'Title', 'gclid=1']) expect(aboutVisits).not.toContain(s);
    expect(records[0].options).toEqual({ format: 'ndjson', paths: 'dropped', sites: 'hashed' });
    // HMAC-SHA-256("study-2026-secret", "moreau2026.org"), computed independently.
    const { createHmac } = await import('node:crypto');
    const h = (s: string) => createHmac('sha256', 'study-2026-secret').update(s).digest('hex');
    const visits = records.filter((r) => r.type === 'visit');
    expect(visits.map((v) => v.site).sort()).toEqual([h('lindenbakery.org'), h('moreau2026.org'), h('trailgear-shop.com')].sort());
    expect(visits.every((v) => v.path === undefined && v.url === undefined && v.title === undefined)).toBe(true);
    const own = records.find((r) => r.type === 'contact' && r.party === 'first');
    expect(own).toMatchObject({ entity: `site:${h('trailgear-shop.com')}`, name: h('trailgear-shop.com'), hosts: [], site: h('trailgear-shop.com') });
    // Trackers are not sites the person visited: they stay readable.
    expect(text).toContain('site:pixel-exchange-example.net');
    const meta = records.find((r) => r.type === 'rollup' && r.entity === 'company:Meta');
    expect(meta.sites).toEqual([h('lindenbakery.org'), h('moreau2026.org')].sort());
    // The anonymised export is itself a valid export: it imports into an empty store.
    const other = freshDb();
    expect(await importBytes(other, new TextEncoder().encode(text))).toMatchObject({ ok: true, added: { visits: 3 } });
    await other.delete();
  });
});
