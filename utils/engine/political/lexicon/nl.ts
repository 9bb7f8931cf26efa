import { terms, type TermDef } from './types';

/** Dutch election, politics, campaign-call and reporting words. */
export const nl: TermDef[] = [
  ...terms('election', 3, [
    'gemeenteraadsverkiezing*', '*kamerverkiezing', '*kamerverkiezingen', 'statenverkiezing*', '*statenverkiezingen',
    'waterschapsverkiezing*', 'verkiezingsprogramma*', 'verkiezingsuitslag*', 'verkiezingscampagne*', 'verkiezingsdebat*',
    'lijsttrekker*', 'kieskring*', 'stembus*', 'stembureau*',
    'stemwijzer', 'kieswijzer', 'kieslijst*', 'kandidatenlijst', 'kabinetsformatie', 'coalitieakkoord',
    'regeerakkoord',
  ]),
  // `verkiezing` alone also names awards (Sportman van het Jaar-verkiezing): clear, not unmistakable.
  ...terms('election', 2, ['verkiezing*', '*verkiezing', '*verkiezingen', 'kiezer*', 'formateur', 'informateur']),
  ...terms('election', 1, ['stem op', 'stemmen op', 'stemt op', 'stemmen', 'gestemd', 'kandidaat', 'kandidaten', 'campagne*', 'peiling*']),
  ...terms('politics', 2, ['Tweede Kamer', 'Eerste Kamer', 'Kamerlid', 'Kamerleden', 'gemeenteraad*', 'Provinciale Staten']),
  ...terms('politics', 1, [
    'politiek*', 'politici', 'politicus', 'minister*', 'kabinet', 'coalitie*', 'oppositie', 'wethouder*',
    'burgemeester*', 'partij', 'partijen', 'democratie',
  ]),
  ...terms('call', 2, ['doneer', 'word lid', 'lid worden', 'flyeren']),
  ...terms('call', 1, ['doneren', 'donatie*', 'doe mee', 'help mee', 'vrijwilliger*', 'steun ons']),
  ...terms('reporting', 1, ['zei', 'zegt', 'volgens', 'aldus', 'meldt']),
];
