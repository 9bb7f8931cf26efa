import { terms, type TermDef } from './types';

/**
 * Party and European Parliament group names, in every language the pages use them.
 * Short or everyday names (`PS`, `SP`, `Groen`, `Renaissance`, `Labour`, `Linke`,
 * `The Left` …) are case-sensitive and `ambiguous`: they count only when other
 * political words on the page support them.
 */
const cs = { cs: true } as const;
const vague = { cs: true, ambiguous: true } as const;

export const parties: TermDef[] = [
  // Germany
  ...terms('party', 3, [
    'Bündnis 90/Die Grünen', 'Christlich Demokratische Union', 'Christlich-Soziale Union',
    'Sozialdemokratische Partei', 'Freie Demokratische Partei', 'Alternative für Deutschland',
    'Bündnis Sahra Wagenknecht', 'Piratenpartei', 'Volt Deutschland',
  ]),
  ...terms('party', 2, ['CDU', 'CSU', 'SPD', 'FDP', 'AfD', 'Die Linke', 'Freie Wähler'], cs),
  ...terms('party', 1, ['BSW', 'Die Grünen', 'die Grünen', 'Grünen', 'Grüne', 'Linke', 'Volt'], vague),
  // France
  ...terms('party', 3, [
    'Rassemblement national', 'La France insoumise', 'France insoumise', 'Parti socialiste', 'Europe Écologie',
    'Mouvement démocrate', 'Parti communiste', 'Nouveau Front populaire',
  ]),
  ...terms('party', 2, ['LFI', 'EELV', 'MoDem', 'PCF', 'Les Républicains', 'les Républicains', 'Les Écologistes', 'les Écologistes'], cs),
  ...terms('party', 1, ['Renaissance', 'RN', 'LR', 'PS', 'Reconquête', 'NFP'], vague),
  // Belgium
  ...terms('party', 3, ['Vlaams Belang', 'PVDA-PTB', 'Mouvement réformateur', 'Open VLD', 'Open Vld'], cs),
  ...terms('party', 2, ['N-VA', 'CD&V', 'PVDA', 'Les Engagés', 'les Engagés'], cs),
  ...terms('party', 1, ['PTB', 'MR', 'Vooruit', 'Groen', 'Ecolo', 'DéFI'], vague),
  // Netherlands
  ...terms('party', 3, [
    'GroenLinks-PvdA', 'Nieuw Sociaal Contract', 'BoerBurgerBeweging', 'Partij voor de Dieren', 'Forum voor Democratie',
  ]),
  ...terms('party', 2, ['VVD', 'PVV', 'PvdA', 'GroenLinks', 'GL-PvdA', 'D66', 'CDA', 'ChristenUnie', 'PvdD', 'JA21', 'FvD'], cs),
  ...terms('party', 1, ['NSC', 'BBB', 'SP', 'SGP', 'DENK'], vague),
  // United Kingdom
  ...terms('party', 3, [
    'Labour Party', 'Conservative Party', 'Liberal Democrats', 'Reform UK', 'Scottish National Party', 'Plaid Cymru',
    'Green Party', 'Sinn Féin', 'Democratic Unionist Party', 'Ulster Unionist Party', 'Alliance Party of Northern Ireland',
  ]),
  ...terms('party', 2, ['Tories', 'Tory', 'Lib Dems', 'Lib Dem', 'SDLP'], cs),
  ...terms('party', 1, ['Labour', 'Conservatives', 'SNP', 'Greens', 'DUP'], vague),
  // United States
  ...terms('party', 3, ['Democratic Party', 'Republican Party', 'Libertarian Party']),
  ...terms('party', 2, ['DNC', 'RNC', 'GOP', 'Democrats', 'Republicans'], cs),
  // European Parliament groups and European parties
  ...terms('party', 3, [
    "European People's Party", 'Socialists and Democrats', 'Renew Europe', 'Greens/EFA',
    'European Conservatives and Reformists', 'Patriots for Europe', 'Europe of Sovereign Nations',
    'Party of European Socialists', 'Volt Europa', 'European Green Party',
  ]),
  ...terms('party', 2, ['S&D'], cs),
  ...terms('party', 1, ['EPP', 'ECR', 'ESN', 'The Left'], vague),
];
