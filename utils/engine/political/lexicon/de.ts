import { terms, type TermDef } from './types';

/** German election, politics, campaign-call and reporting words. */
export const de: TermDef[] = [
  ...terms('election', 3, [
    'Bundestagswahl*', 'Landtagswahl*', 'Kommunalwahl*', 'Europawahl*', 'Bürgerschaftswahl*',
    'Präsidentschaftswahl*', 'Bürgermeisterwahl*', 'Oberbürgermeisterwahl*', '*tagswahl', '*tagswahlen',
    'Wahlkampf*', '*wahlkampf', 'Wahlkreis*', 'Wahlprogramm*', 'Wahlergebnis*', 'Wahlbeteiligung',
    'Wahlplakat*', 'Wahllokal*', 'Wahlsonntag', 'Wahlabend', 'Wahlumfrage*',
    'Zweitstimme*', 'Erststimme*', 'Spitzenkandidat*', 'Kanzlerkandidat*', 'Direktkandidat*',
    'Koalitionsvertrag', 'Parteitag*', 'Volksentscheid*',
  ]),
  // Postal votes and ballot papers belong to any formal election (works councils, clubs).
  ...terms('election', 2, ['Briefwahl', 'Wahlen', 'Stimmzettel', 'Wähler*', 'Wahltag', 'Hochrechnung*', 'Wahlsieg*', 'Wahlniederlage*']),
  ...terms('election', 1, ['Wahl', 'wählen', 'gewählt', 'Kandidat*', 'Umfrage*', 'Kampagne*']),
  ...terms('politics', 2, [
    'Bundestag*', 'Landtag*', 'Abgeordnete*', 'Bundeskanzler*', 'Ministerpräsident*', 'Europaparlament*',
    'Koalitionsverhandlung*', 'Fraktionschef*',
  ]),
  ...terms('politics', 1, [
    'Partei', 'Parteien', 'Politik*', 'politisch*', 'Regierung*', 'Bundesregierung', 'Minister*', 'Kanzler*',
    'Bürgermeister*', 'Koalition*', 'Opposition', 'Fraktion*', 'Demokratie',
  ]),
  ...terms('call', 2, ['jetzt spenden', 'mitmachen', 'mach mit', 'Mitglied werden', 'werde Mitglied', 'Helfer werden']),
  ...terms('call', 1, ['spenden', 'Spende', 'Unterstützer*', 'Infostand', 'Infostände']),
  ...terms('reporting', 1, ['sagte', 'sagt', 'erklärte', 'laut', 'teilte', 'berichtet*']),
];
