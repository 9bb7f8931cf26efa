#!/usr/bin/env node
// Compiles the tracker sources we are allowed to redistribute into one compact index
// that ships with the extension: third-party-web (MIT) names companies, AdGuard's
// Tracking Protection and Base filters (GPL-3.0, via @adguard/dnr-rulesets, a build-time
// dependency only) flag domains as tracking or advertising. Only unconditional
// whole-domain rules (`||example.com^`) are taken: anything narrower is not a statement
// about the domain as a whole.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'utils/engine/generated/tracker-index.json');

const CATEGORY = {
  ad: 'advertising',
  analytics: 'analytics',
  social: 'social',
  marketing: 'marketing',
  'customer-success': 'customer-success',
  'tag-manager': 'tag-manager',
  'consent-provider': 'consent',
  video: 'video',
  cdn: 'cdn',
  hosting: 'hosting',
  content: 'content',
  utility: 'utility',
  other: 'other',
};

function slug(name) {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function thirdPartyWeb() {
  const { entities } = require('third-party-web');
  const out = [];
  const exact = {};
  const suffix = {};
  const ids = new Set();
  for (const e of entities) {
    let id = slug(e.name);
    while (ids.has(id)) id += '-2';
    ids.add(id);
    const idx = out.length;
    out.push({
      id,
      name: e.name,
      company: e.company,
      category: CATEGORY[e.category] ?? 'other',
      homepage: e.homepage ?? undefined,
    });
    for (const d of e.domains) {
      const domain = d.toLowerCase();
      if (domain.startsWith('*.')) suffix[domain.slice(2)] ??= idx;
      else exact[domain] ??= idx;
    }
  }
  return { entities: out, exact, suffix };
}

const DOMAIN_RULE = /^\|\|([a-z0-9.-]+\.[a-z0-9-]+)\^$/;
// Conditions that leave a rule about the whole domain. `domainType: thirdParty` is
// still about the domain: we only ever use the list for third-party requests.
const WHOLE_DOMAIN_KEYS = new Set(['urlFilter', 'resourceTypes', 'domainType']);

function adguardDomains(filterId) {
  const dir = packageDir('@adguard/dnr-rulesets');
  const file = join(dir, `dist/filters/declarative/ruleset_${filterId}/ruleset_${filterId}.json`);
  const rules = JSON.parse(readFileSync(file, 'utf8'));
  const blocked = new Set();
  const allowed = new Set();
  for (const rule of rules) {
    const cond = rule.condition ?? {};
    const m = DOMAIN_RULE.exec(cond.urlFilter ?? '');
    if (!m) continue;
    if (!Object.keys(cond).every((k) => WHOLE_DOMAIN_KEYS.has(k))) continue;
    if (cond.domainType === 'firstParty') continue;
    if (rule.action?.type === 'block') blocked.add(m[1]);
    else if (rule.action?.type === 'allow' || rule.action?.type === 'allowAllRequests') allowed.add(m[1]);
  }
  for (const d of allowed) blocked.delete(d);
  return [...blocked].sort();
}

// Some packages do not export package.json, so find them on disk.
function packageDir(pkg) {
  return join(root, 'node_modules', pkg);
}

function version(pkg) {
  return JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')).version;
}

const started = performance.now();
const tpw = thirdPartyWeb();
const tracking = adguardDomains(3);
const trackingSet = new Set(tracking);
const advertising = adguardDomains(2).filter((d) => !trackingSet.has(d));
const index = {
  format: 'targetlens-tracker-index',
  version: 1,
  sources: {
    'third-party-web': { version: version('third-party-web'), licence: 'MIT' },
    'adguard-tracking-protection': {
      version: version('@adguard/dnr-rulesets'),
      licence: 'GPL-3.0',
      filterId: 3,
      domains: tracking.length,
    },
    'adguard-base': {
      version: version('@adguard/dnr-rulesets'),
      licence: 'GPL-3.0',
      filterId: 2,
      domains: advertising.length,
    },
  },
  entities: tpw.entities,
  exact: tpw.exact,
  suffix: tpw.suffix,
  listed: { tracking: tracking.join('\n'), advertising: advertising.join('\n') },
};
const json = JSON.stringify(index);
const previous = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
if (previous !== json) {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, json);
}
console.log(
  `tracker index: ${tpw.entities.length} entities, ${tracking.length} tracking + ${advertising.length} advertising domains, ` +
    `${(json.length / 1024).toFixed(0)} KiB, ${(performance.now() - started).toFixed(0)} ms`,
);
