import { terms, type TermDef } from './types';

/** English election, politics, campaign-call and reporting words. */
export const en: TermDef[] = [
  ...terms('election', 3, [
    'general election', 'by-election', 'presidential election', 'midterm elections', 'midterms',
    'constituency', 'constituencies', 'polling station', 'polling stations', 'polling place', 'ballot box',
    'electoral college', 'swing state', 'swing states', 'running mate', 'referendum', 'caucus', 'caucuses',
    'exit poll', 'exit polls', 'opinion poll', 'opinion polls', 're-election', 'reelection', 'early voting',
    'absentee ballot', 'mail-in ballot', 'primaries',
  ]),
  ...terms('election', 2, [
    'election*', 'elector*', 'ballot', 'ballots', 'voter', 'voters', 'pollster*', 'incumbent',
    'manifesto', 'hustings', 'candidacy',
  ]),
  ...terms('election', 1, [
    'vote', 'votes', 'voting', 'voted', 'polling', 'candidate*', 'campaign*', 'poll', 'polls', 'turnout',
  ]),
  ...terms('politics', 2, [
    'parliament*', 'lawmaker*', 'prime minister', 'senator*', 'congressman', 'congresswoman',
    'congressional', 'House of Commons', 'European Parliament', 'MEP', 'MEPs', 'state senate', 'state assembly',
    'state legislature', 'city council', 'House of Representatives',
  ]),
  ...terms('politics', 2, ['MPs'], { cs: true }),
  ...terms('politics', 1, ['Congress', 'Senate'], { cs: true }),
  ...terms('politics', 1, [
    'politic*', 'minister*', 'chancellor', 'mayor*', 'governor*', 'government*', 'coalition', 'opposition',
    'legislat*', 'democracy', 'cabinet',
  ]),
  ...terms('call', 3, ['join the campaign', 'join our campaign', 'paid for by']),
  ...terms('call', 2, [
    'donate', 'chip in', 'knock doors', 'door knocking', 'phone bank', 'phone banking', 'phonebank*', 'canvass*', 'yard sign', 'yard signs',
    'sign up to volunteer',
  ]),
  ...terms('call', 1, [
    'donation*', 'volunteer*', 'join us', 'get involved', 'become a member', 'pledge', 'grassroots', 'contribute',
  ]),
  ...terms('reporting', 1, ['said', 'says', 'told', 'according to', 'reported', 'reports', 'announced']),
];
