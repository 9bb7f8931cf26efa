import type { Party } from './party-schema';

export type { Party } from './party-schema';

const own = (d: string) => `https://www.${d}/`;
const p = (id: string, name: string, country: string, domains: string[], source = own(domains[0]!)): Party => ({
  id,
  name,
  country,
  domains,
  source,
});

/**
 * Official sites of the main parties of Germany, France, Belgium, the Netherlands, the
 * United Kingdom and the United States, and of the European parties and Parliament
 * groups. The source is the party's own site unless a Wikipedia page is given. Only
 * real parties: test fixtures such as campaign sites of fictional candidates are never
 * listed here (the classifier recognises those from evidence).
 */
export const parties: Party[] = [
  // Germany
  p('de-cdu', 'CDU', 'DE', ['cdu.de']),
  p('de-csu', 'CSU', 'DE', ['csu.de']),
  p('de-spd', 'SPD', 'DE', ['spd.de']),
  p('de-gruene', 'Bündnis 90/Die Grünen', 'DE', ['gruene.de']),
  p('de-fdp', 'FDP', 'DE', ['fdp.de']),
  p('de-afd', 'AfD', 'DE', ['afd.de']),
  p('de-linke', 'Die Linke', 'DE', ['die-linke.de']),
  p('de-bsw', 'Bündnis Sahra Wagenknecht', 'DE', ['bsw-vg.de']),
  // France
  p('fr-renaissance', 'Renaissance', 'FR', ['parti-renaissance.fr']),
  p('fr-rn', 'Rassemblement national', 'FR', ['rassemblementnational.fr']),
  p('fr-lfi', 'La France insoumise', 'FR', ['lafranceinsoumise.fr']),
  p('fr-lr', 'Les Républicains', 'FR', ['republicains.fr']),
  p('fr-ps', 'Parti socialiste', 'FR', ['parti-socialiste.fr']),
  p('fr-ecologistes', 'Les Écologistes', 'FR', ['lesecologistes.fr', 'eelv.fr']),
  p('fr-reconquete', 'Reconquête', 'FR', ['parti-reconquete.fr']),
  p('fr-modem', 'Mouvement démocrate', 'FR', ['mouvementdemocrate.fr']),
  p('fr-pcf', 'Parti communiste français', 'FR', ['pcf.fr']),
  // Belgium
  p('be-n-va', 'N-VA', 'BE', ['n-va.be']),
  p('be-vlaams-belang', 'Vlaams Belang', 'BE', ['vlaamsbelang.org']),
  p('be-ps', 'Parti socialiste (BE)', 'BE', ['ps.be']),
  p('be-mr', 'Mouvement réformateur', 'BE', ['mr.be']),
  p('be-pvda-ptb', 'PVDA-PTB', 'BE', ['pvda.be', 'ptb.be']),
  p('be-vooruit', 'Vooruit', 'BE', ['vooruit.org']),
  p('be-cdv', 'CD&V', 'BE', ['cdenv.be']),
  p('be-open-vld', 'Open VLD', 'BE', ['openvld.be']),
  p('be-groen', 'Groen', 'BE', ['groen.be']),
  p('be-ecolo', 'Ecolo', 'BE', ['ecolo.be']),
  p('be-les-engages', 'Les Engagés', 'BE', ['lesengages.be']),
  // Netherlands
  p('nl-vvd', 'VVD', 'NL', ['vvd.nl']),
  p('nl-pvv', 'PVV', 'NL', ['pvv.nl']),
  p('nl-glpvda', 'GroenLinks-PvdA', 'NL', ['groenlinkspvda.nl', 'groenlinks.nl', 'pvda.nl']),
  p('nl-nsc', 'Nieuw Sociaal Contract', 'NL', ['nieuwsociaalcontract.nl']),
  p('nl-d66', 'D66', 'NL', ['d66.nl']),
  p('nl-bbb', 'BoerBurgerBeweging', 'NL', ['boerburgerbeweging.nl']),
  p('nl-cda', 'CDA', 'NL', ['cda.nl']),
  p('nl-sp', 'SP', 'NL', ['sp.nl']),
  p('nl-christenunie', 'ChristenUnie', 'NL', ['christenunie.nl']),
  p('nl-sgp', 'SGP', 'NL', ['sgp.nl']),
  p('nl-pvdd', 'Partij voor de Dieren', 'NL', ['partijvoordedieren.nl']),
  p('nl-ja21', 'JA21', 'NL', ['ja21.nl']),
  p('nl-fvd', 'Forum voor Democratie', 'NL', ['fvd.nl']),
  // United Kingdom
  p('gb-labour', 'Labour Party', 'GB', ['labour.org.uk']),
  p('gb-conservatives', 'Conservative Party', 'GB', ['conservatives.com']),
  p('gb-libdems', 'Liberal Democrats', 'GB', ['libdems.org.uk']),
  p('gb-reform', 'Reform UK', 'GB', ['reformparty.uk']),
  p('gb-snp', 'Scottish National Party', 'GB', ['snp.org']),
  p('gb-green', 'Green Party of England and Wales', 'GB', ['greenparty.org.uk']),
  p('gb-plaid', 'Plaid Cymru', 'GB', ['partyof.wales']),
  // United States
  p('us-democrats', 'Democratic Party (DNC)', 'US', ['democrats.org']),
  p('us-gop', 'Republican Party (RNC)', 'US', ['gop.com']),
  p('us-dccc', 'Democratic Congressional Campaign Committee', 'US', ['dccc.org']),
  p('us-nrcc', 'National Republican Congressional Committee', 'US', ['nrcc.org']),
  p('us-dscc', 'Democratic Senatorial Campaign Committee', 'US', ['dscc.org']),
  p('us-nrsc', 'National Republican Senatorial Committee', 'US', ['nrsc.org']),
  p('us-libertarian', 'Libertarian Party', 'US', ['lp.org']),
  // European parties and European Parliament groups
  p('eu-epp', "European People's Party", 'EU', ['epp.eu', 'eppgroup.eu']),
  p('eu-s-and-d', 'Progressive Alliance of Socialists and Democrats (S&D)', 'EU', ['socialistsanddemocrats.eu']),
  p('eu-pes', 'Party of European Socialists', 'EU', ['pes.eu']),
  p('eu-renew', 'Renew Europe', 'EU', ['reneweuropegroup.eu']),
  p('eu-greens-efa', 'Greens/EFA', 'EU', ['greens-efa.eu']),
  p('eu-ecr', 'European Conservatives and Reformists', 'EU', ['ecrgroup.eu']),
  p('eu-left', 'The Left in the European Parliament', 'EU', ['left.eu']),
  p('eu-volt', 'Volt Europa', 'EU', ['volteuropa.org']),
];

let byDomain: Map<string, Party> | undefined;

/**
 * The party whose official site this is. `site` is a registrable domain (`spd.de`);
 * a hostname (`www.spd.de`) works too, by walking up its labels.
 */
export function partyOfSite(site: string): Party | undefined {
  if (!byDomain) {
    byDomain = new Map();
    for (const party of parties) for (const d of party.domains) byDomain.set(d, party);
  }
  let host = site.trim().toLowerCase().replace(/\.$/, '');
  if (host.length > 253) return undefined;
  for (;;) {
    const hit = byDomain.get(host);
    if (hit) return hit;
    const dot = host.indexOf('.');
    if (dot < 0) return undefined;
    host = host.slice(dot + 1);
  }
}
