import { terms, type TermDef } from './types';

/** Dutch election, politics, campaign-call and reporting words. */
export const nl: TermDef[] = [
  ...terms('election', 3, [
    'verkiezing*', '*verkiezing', '*verkiezingen', 'lijsttrekker*', 'kieskring*', 'stembus*', 'stembureau*',
    'stemwijzer', 'kieswijzer', 'kieslijst*', 'kandidatenlijst', 'kabinetsformatie', 'coalitieakkoord',
    'regeerakkoord',
  ]),
  ...terms('election', 2, ['kiezer*', 'stem op', 'stemmen op', 'stemt op', 'formateur', 'informateur']),
  ...terms('election', 1, ['stemmen', 'gestemd', 'kandidaat', 'kandidaten', 'campagne*', 'peiling*']),
  ...terms('politics', 2, ['Tweede Kamer', 'Eerste Kamer', 'Kamerlid', 'Kamerleden', 'gemeenteraad*', 'Provinciale Staten']),
  ...terms('politics', 1, [
    'politiek*', 'politici', 'politicus', 'minister*', 'kabinet', 'coalitie*', 'oppositie', 'wethouder*',
    'burgemeester*', 'partij', 'partijen', 'democratie',
  ]),
  ...terms('call', 2, ['doneer', 'word lid', 'lid worden', 'flyeren']),
  ...terms('call', 1, ['doneren', 'donatie*', 'doe mee', 'help mee', 'vrijwilliger*', 'steun ons']),
  ...terms('reporting', 1, ['zei', 'zegt', 'volgens', 'aldus', 'meldt']),
];
