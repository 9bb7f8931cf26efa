import { terms, type TermDef } from './types';

/** French election, politics, campaign-call and reporting words. */
export const fr: TermDef[] = [
  ...terms('election', 3, [
    'législatives', 'présidentielle*', 'scrutin*', 'circonscription*', 'bulletin de vote', 'bulletins de vote',
    'bureau de vote', 'bureaux de vote', 'premier tour', 'second tour', 'tête de liste', 'têtes de liste',
    'isoloir', 'élections municipales', 'élections européennes', 'campagne électorale',
  ]),
  // Capitalised, `Municipales` is the municipal elections; lower-case it is also pools and libraries.
  ...terms('election', 3, ['Municipales'], { cs: true }),
  ...terms('election', 2, ['élection*', 'électora*', 'électeur*', 'électrice*', 'suffrage*', 'municipales']),
  ...terms('election', 1, ['vote', 'votes', 'voter', 'votez', 'candidat*', 'campagne', 'sondage*']),
  ...terms('politics', 2, ['Assemblée nationale', 'député*', 'Premier ministre', 'vie politique', 'parti politique', 'partis politiques', 'conseil municipal']),
  ...terms('politics', 1, [
    'ministre*', 'gouvernement*', 'sénat*', 'maire', 'Élysée', 'militant*', 'homme politique', 'femme politique',
    'responsables politiques', 'démocratie',
  ]),
  ...terms('call', 2, ['faire un don', 'faites un don', 'je fais un don', 'adhérer', 'adhérez', 'porte-à-porte', 'tractage']),
  ...terms('call', 1, [
    'adhésion', 'rejoignez-nous', 'rejoindre le mouvement', 'engagez-vous', "je m'engage", 'bénévole*',
    'soutenez', 'je soutiens', 'militer',
  ]),
  ...terms('reporting', 1, ['a déclaré', 'a dit', 'selon', 'a annoncé', 'affirme']),
];
