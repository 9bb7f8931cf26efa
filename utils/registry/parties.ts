import type { Party, PartyKind } from './party-schema';

export type { Party, PartyKind } from './party-schema';

/** The Wikipedia article of that exact title, in that language edition. */
const wiki = (lang: 'en' | 'de' | 'fr' | 'nl', title: string) => `https://${lang}.wikipedia.org/wiki/${encodeURI(title.replace(/ /g, '_'))}`;

const entry = (kind: PartyKind) => (id: string, name: string, country: string, domains: string[], source: string, party?: string): Party => ({
  id,
  name,
  kind,
  country,
  domains,
  ...(party ? { party } : {}),
  source,
});
const party = entry('party');
const group = entry('group');
const campaign = entry('campaign');
const candidate = entry('candidate');

/**
 * Official sites of the parties of Germany, France, Belgium, the Netherlands, the United
 * Kingdom and the United States, of the European parties and Parliament groups, and of
 * well-documented campaigns and candidates. Each entry's source is an independent page
 * naming the organisation and its site (its Wikipedia article), never the site itself.
 * Only real organisations: test fixtures such as campaign sites of fictional candidates
 * are never listed here (the classifier recognises those from evidence). Campaign
 * domains can change hands once a campaign is over: review them with each release.
 */
export const parties: Party[] = [
  // Germany
  party('de-cdu', 'CDU', 'DE', ['cdu.de'], wiki('en', 'Christian Democratic Union of Germany')),
  party('de-csu', 'CSU', 'DE', ['csu.de'], wiki('en', 'Christian Social Union in Bavaria')),
  party('de-spd', 'SPD', 'DE', ['spd.de'], wiki('en', 'Social Democratic Party of Germany')),
  party('de-gruene', 'Bündnis 90/Die Grünen', 'DE', ['gruene.de'], wiki('en', 'Alliance 90/The Greens')),
  party('de-fdp', 'FDP', 'DE', ['fdp.de'], wiki('en', 'Free Democratic Party (Germany)')),
  party('de-afd', 'AfD', 'DE', ['afd.de'], wiki('en', 'Alternative for Germany')),
  party('de-linke', 'Die Linke', 'DE', ['die-linke.de'], wiki('en', 'The Left (Germany)')),
  party('de-bsw', 'Bündnis Sahra Wagenknecht', 'DE', ['bsw-vg.de'], wiki('en', 'Sahra Wagenknecht Alliance')),
  party('de-freie-waehler', 'Freie Wähler', 'DE', ['freiewaehler.eu'], wiki('en', 'Free Voters')),
  party('de-volt', 'Volt Deutschland', 'DE', ['voltdeutschland.org'], wiki('de', 'Volt Deutschland')),
  party('de-ssw', 'Südschleswigscher Wählerverband (SSW)', 'DE', ['ssw.de'], wiki('en', "South Schleswig Voters' Association")),
  party('de-piraten', 'Piratenpartei Deutschland', 'DE', ['piratenpartei.de'], wiki('en', 'Pirate Party Germany')),
  // France
  party('fr-renaissance', 'Renaissance', 'FR', ['parti-renaissance.fr'], wiki('en', 'Renaissance (French political party)')),
  party('fr-rn', 'Rassemblement national', 'FR', ['rassemblementnational.fr'], wiki('en', 'National Rally')),
  party('fr-lfi', 'La France insoumise', 'FR', ['lafranceinsoumise.fr'], wiki('en', 'La France Insoumise')),
  party('fr-lr', 'Les Républicains', 'FR', ['republicains.fr'], wiki('en', 'The Republicans (France)')),
  party('fr-ps', 'Parti socialiste', 'FR', ['parti-socialiste.fr'], wiki('en', 'Socialist Party (France)')),
  // eelv.fr is the party's site under its former name, Europe Écologie Les Verts.
  party('fr-ecologistes', 'Les Écologistes', 'FR', ['lesecologistes.fr', 'eelv.fr'], wiki('en', 'Europe Ecology – The Greens')),
  party('fr-reconquete', 'Reconquête', 'FR', ['parti-reconquete.fr'], wiki('en', 'Reconquête')),
  party('fr-modem', 'Mouvement démocrate', 'FR', ['mouvementdemocrate.fr'], wiki('en', 'Democratic Movement (France)')),
  party('fr-pcf', 'Parti communiste français', 'FR', ['pcf.fr'], wiki('en', 'French Communist Party')),
  party('fr-horizons', 'Horizons', 'FR', ['horizonsleparti.fr'], wiki('en', 'Horizons (political party)')),
  // Belgium
  party('be-n-va', 'N-VA', 'BE', ['n-va.be'], wiki('en', 'New Flemish Alliance')),
  party('be-vlaams-belang', 'Vlaams Belang', 'BE', ['vlaamsbelang.org'], wiki('en', 'Vlaams Belang')),
  party('be-ps', 'Parti socialiste (BE)', 'BE', ['ps.be'], wiki('en', 'Socialist Party (Belgium)')),
  party('be-mr', 'Mouvement réformateur', 'BE', ['mr.be'], wiki('en', 'Reformist Movement')),
  // One party, one site per language.
  party('be-pvda-ptb', 'PVDA-PTB', 'BE', ['pvda.be', 'ptb.be'], wiki('en', "Workers' Party of Belgium")),
  party('be-vooruit', 'Vooruit', 'BE', ['vooruit.org'], wiki('en', 'Vooruit (political party)')),
  party('be-cdv', 'CD&V', 'BE', ['cdenv.be'], wiki('en', 'Christian Democratic and Flemish')),
  party('be-open-vld', 'Open VLD', 'BE', ['openvld.be'], wiki('en', 'Open Flemish Liberals and Democrats')),
  party('be-groen', 'Groen', 'BE', ['groen.be'], wiki('en', 'Groen (political party)')),
  party('be-ecolo', 'Ecolo', 'BE', ['ecolo.be'], wiki('en', 'Ecolo')),
  party('be-les-engages', 'Les Engagés', 'BE', ['lesengages.be'], wiki('en', 'Les Engagés')),
  party('be-defi', 'DéFI', 'BE', ['defi.eu'], wiki('en', 'DéFI')),
  // Netherlands
  party('nl-vvd', 'VVD', 'NL', ['vvd.nl'], wiki('en', "People's Party for Freedom and Democracy")),
  party('nl-pvv', 'PVV', 'NL', ['pvv.nl'], wiki('en', 'Party for Freedom')),
  party('nl-glpvda', 'GroenLinks-PvdA', 'NL', ['groenlinkspvda.nl'], wiki('en', 'GroenLinks–PvdA')),
  party('nl-groenlinks', 'GroenLinks', 'NL', ['groenlinks.nl'], wiki('en', 'GroenLinks')),
  party('nl-pvda', 'PvdA', 'NL', ['pvda.nl'], wiki('en', 'Labour Party (Netherlands)')),
  party('nl-nsc', 'Nieuw Sociaal Contract', 'NL', ['nieuwsociaalcontract.nl'], wiki('en', 'New Social Contract')),
  party('nl-d66', 'D66', 'NL', ['d66.nl'], wiki('en', 'Democrats 66')),
  party('nl-bbb', 'BoerBurgerBeweging', 'NL', ['boerburgerbeweging.nl'], wiki('en', 'Farmer–Citizen Movement')),
  party('nl-cda', 'CDA', 'NL', ['cda.nl'], wiki('en', 'Christian Democratic Appeal')),
  party('nl-sp', 'SP', 'NL', ['sp.nl'], wiki('en', 'Socialist Party (Netherlands)')),
  party('nl-christenunie', 'ChristenUnie', 'NL', ['christenunie.nl'], wiki('en', 'Christian Union (Netherlands)')),
  party('nl-sgp', 'SGP', 'NL', ['sgp.nl'], wiki('en', 'Reformed Political Party')),
  party('nl-pvdd', 'Partij voor de Dieren', 'NL', ['partijvoordedieren.nl'], wiki('en', 'Party for the Animals')),
  party('nl-ja21', 'JA21', 'NL', ['ja21.nl'], wiki('en', 'JA21')),
  party('nl-fvd', 'Forum voor Democratie', 'NL', ['fvd.nl'], wiki('en', 'Forum for Democracy')),
  party('nl-denk', 'DENK', 'NL', ['bewegingdenk.nl'], wiki('en', 'DENK (political party)')),
  party('nl-volt', 'Volt Nederland', 'NL', ['voltnederland.org'], wiki('nl', 'Volt Nederland')),
  // United Kingdom
  party('gb-labour', 'Labour Party', 'GB', ['labour.org.uk'], wiki('en', 'Labour Party (UK)')),
  party('gb-conservatives', 'Conservative Party', 'GB', ['conservatives.com'], wiki('en', 'Conservative Party (UK)')),
  party('gb-libdems', 'Liberal Democrats', 'GB', ['libdems.org.uk'], wiki('en', 'Liberal Democrats (UK)')),
  party('gb-reform', 'Reform UK', 'GB', ['reformparty.uk'], wiki('en', 'Reform UK')),
  party('gb-snp', 'Scottish National Party', 'GB', ['snp.org'], wiki('en', 'Scottish National Party')),
  party('gb-green', 'Green Party of England and Wales', 'GB', ['greenparty.org.uk'], wiki('en', 'Green Party of England and Wales')),
  party('gb-plaid', 'Plaid Cymru', 'GB', ['partyof.wales'], wiki('en', 'Plaid Cymru')),
  party('gb-dup', 'Democratic Unionist Party', 'GB', ['mydup.com'], wiki('en', 'Democratic Unionist Party')),
  // An all-Ireland party with its seat in Dublin: listed under Ireland, and also standing
  // in Northern Ireland, which is why it is here; one site for both.
  { ...party('ie-sinn-fein', 'Sinn Féin', 'IE', ['sinnfein.ie'], wiki('en', 'Sinn Féin')), alsoIn: ['GB'] },
  party('gb-alliance', 'Alliance Party of Northern Ireland', 'GB', ['allianceparty.org'], wiki('en', 'Alliance Party of Northern Ireland')),
  party('gb-uup', 'Ulster Unionist Party', 'GB', ['uup.org'], wiki('en', 'Ulster Unionist Party')),
  party('gb-sdlp', 'Social Democratic and Labour Party', 'GB', ['sdlp.ie'], wiki('en', 'Social Democratic and Labour Party')),
  // United States
  party('us-democrats', 'Democratic Party (DNC)', 'US', ['democrats.org'], wiki('en', 'Democratic National Committee')),
  party('us-gop', 'Republican Party (RNC)', 'US', ['gop.com'], wiki('en', 'Republican National Committee')),
  party('us-dccc', 'Democratic Congressional Campaign Committee', 'US', ['dccc.org'], wiki('en', 'Democratic Congressional Campaign Committee')),
  party('us-nrcc', 'National Republican Congressional Committee', 'US', ['nrcc.org'], wiki('en', 'National Republican Congressional Committee')),
  party('us-dscc', 'Democratic Senatorial Campaign Committee', 'US', ['dscc.org'], wiki('en', 'Democratic Senatorial Campaign Committee')),
  party('us-nrsc', 'National Republican Senatorial Committee', 'US', ['nrsc.org'], wiki('en', 'National Republican Senatorial Committee')),
  party('us-libertarian', 'Libertarian Party', 'US', ['lp.org'], wiki('en', 'Libertarian Party (United States)')),
  party('us-green', 'Green Party of the United States', 'US', ['gp.org'], wiki('en', 'Green Party of the United States')),
  // US campaigns and candidates
  campaign('us-harris-2024', 'Kamala Harris for President (2024)', 'US', ['kamalaharris.com'], wiki('en', 'Kamala Harris 2024 presidential campaign'), 'us-democrats'),
  campaign('us-trump-2024', 'Donald J. Trump for President (2024)', 'US', ['donaldjtrump.com'], wiki('en', 'Donald Trump 2024 presidential campaign'), 'us-gop'),
  campaign('us-biden-2020', 'Biden for President (2020)', 'US', ['joebiden.com'], wiki('en', 'Joe Biden 2020 presidential campaign'), 'us-democrats'),
  campaign('us-sanders-2020', 'Bernie 2020', 'US', ['berniesanders.com'], wiki('en', 'Bernie Sanders 2020 presidential campaign')),
  campaign('us-kennedy-2024', 'Kennedy 24', 'US', ['kennedy24.com'], wiki('en', 'Robert F. Kennedy Jr. 2024 presidential campaign')),
  candidate('us-ocasio-cortez', 'Alexandria Ocasio-Cortez', 'US', ['ocasiocortez.com'], wiki('en', 'Alexandria Ocasio-Cortez'), 'us-democrats'),
  // European candidates
  candidate('fr-melenchon', 'Jean-Luc Mélenchon', 'FR', ['melenchon.fr'], wiki('en', 'Jean-Luc Mélenchon'), 'fr-lfi'),
  // European parties and European Parliament groups
  party('eu-epp', "European People's Party", 'EU', ['epp.eu'], wiki('en', "European People's Party")),
  group('eu-epp-group', "European People's Party Group", 'EU', ['eppgroup.eu'], wiki('en', "European People's Party Group")),
  group('eu-s-and-d', 'Progressive Alliance of Socialists and Democrats (S&D)', 'EU', ['socialistsanddemocrats.eu'], wiki('en', 'Progressive Alliance of Socialists and Democrats')),
  party('eu-pes', 'Party of European Socialists', 'EU', ['pes.eu'], wiki('en', 'Party of European Socialists')),
  group('eu-renew', 'Renew Europe', 'EU', ['reneweuropegroup.eu'], wiki('en', 'Renew Europe')),
  party('eu-alde', 'ALDE Party', 'EU', ['aldeparty.eu'], wiki('en', 'Alliance of Liberals and Democrats for Europe Party')),
  group('eu-greens-efa', 'Greens/EFA', 'EU', ['greens-efa.eu'], wiki('en', 'Greens–European Free Alliance')),
  party('eu-egp', 'European Green Party', 'EU', ['europeangreens.eu'], wiki('en', 'European Green Party')),
  group('eu-ecr', 'European Conservatives and Reformists', 'EU', ['ecrgroup.eu'], wiki('en', 'European Conservatives and Reformists Group')),
  group('eu-left', 'The Left in the European Parliament', 'EU', ['left.eu'], wiki('en', 'The Left in the European Parliament – GUE/NGL')),
  group('eu-patriots', 'Patriots for Europe', 'EU', ['patriotsforeurope.eu'], wiki('en', 'Patriots for Europe')),
  party('eu-patriots-party', 'Patriots.eu', 'EU', ['patriots.eu'], wiki('en', 'Patriots.eu')),
  group('eu-esn', 'Europe of Sovereign Nations', 'EU', ['esn-group.eu'], wiki('en', 'Europe of Sovereign Nations')),
  party('eu-volt', 'Volt Europa', 'EU', ['volteuropa.org'], wiki('en', 'Volt Europa')),
];

let byDomain: Map<string, Party> | undefined;

/**
 * The party, group, campaign or candidate whose official site this is. `site` is a registrable domain (`spd.de`);
 * a hostname (`www.spd.de`) works too, by walking up its labels.
 */
export function partyOfSite(site: string): Party | undefined {
  if (!byDomain) {
    byDomain = new Map();
    for (const p of parties) for (const d of p.domains) byDomain.set(d, p);
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
