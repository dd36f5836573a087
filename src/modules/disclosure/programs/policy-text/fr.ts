import { type Catalog, pluralOf } from './catalog.ts';

// French typography puts a non-breaking space before a colon.
const NBSP = '\u00a0';

export const fr: Catalog = {
  headings: {
    introduction: 'Introduction',
    scope: 'Périmètre',
    inScope: 'Dans le périmètre',
    outOfScope: 'Hors périmètre',
    report: 'Comment signaler une vulnérabilité',
    commitments: 'Nos engagements',
    safeHarbor: 'Protection juridique (safe harbour)',
    disclosure: 'Divulgation',
    credit: 'Mention des contributions',
    rules: 'Règles à respecter',
  },
  days: (count) => (pluralOf('fr', count) === 'one' ? `${count} jour` : `${count} jours`),
  subtitle: (org) => `${org}${NBSP}: politique de divulgation des vulnérabilités.`,
  introduction: (org) =>
    `${org} accueille favorablement les signalements de vulnérabilités de sécurité concernant les systèmes et produits énumérés ci-dessous. La présente politique précise ce que vous pouvez tester, comment nous signaler ce que vous découvrez, ce à quoi nous nous engageons en retour et ce que nous attendons de vous.`,
  stateSystems: (org) =>
    `En tant qu’institution de l’État, ${org} accepte également les signalements de vulnérabilités touchant ses propres réseaux et systèmes. Ces signalements entrent dans le périmètre de la présente politique et sont traités selon les conditions qu’elle énonce.`,
  noExclusions: 'Aucune exclusion n’est indiquée.',
  scopeNote:
    'Les systèmes et produits qui ne figurent pas dans le périmètre ne sont pas couverts par la présente politique. En cas de doute, posez-nous la question sur la page de signalement avant tout test.',
  reportAt: (url) => `Signalez les vulnérabilités sur notre page de signalement${NBSP}: ${url}.`,
  anonymousAccepted: `Vous pouvez effectuer un signalement anonyme. Nous ne pourrons alors ni vous poser de questions ni vous informer de l’avancement${NBSP}: pensez à nous laisser un moyen de vous joindre.`,
  anonymousRefused: `Nous n’acceptons pas les signalements anonymes${NBSP}: indiquez-nous un moyen de vous joindre, afin que nous puissions vous poser des questions et vous informer de l’avancement.`,
  includeLead: `Merci d’indiquer${NBSP}:`,
  includeItems: [
    `le produit ou service concerné et sa version${NBSP};`,
    `une description de la vulnérabilité${NBSP};`,
    `les étapes permettant de la reproduire${NBSP};`,
    `son impact, dans la mesure où vous pouvez l’évaluer${NBSP};`,
    `si vous savez qu’elle est exploitée ou déjà publique${NBSP};`,
    `vos propres intentions de divulgation, y compris toute date envisagée${NBSP};`,
    'la façon dont vous souhaitez que votre contribution soit mentionnée, le cas échéant.',
  ],
  encryption: (fingerprint) =>
    `Pour protéger les informations sensibles, chiffrez votre signalement avec notre clé OpenPGP, dont l’empreinte est ${fingerprint}. Vérifiez cette empreinte avant d’utiliser la clé.`,
  commitmentsLead: `Nous nous engageons à${NBSP}:`,
  commitments: ({ acknowledge, triage, resolve }) => [
    `accuser réception de votre signalement dans un délai de ${acknowledge}${NBSP};`,
    `procéder à une première évaluation de votre signalement et vous en communiquer le résultat dans un délai de ${triage}${NBSP};`,
    `nous efforcer de corriger les vulnérabilités confirmées dans un délai de ${resolve} à compter de votre signalement, et vous informer de l’avancement${NBSP};`,
    'vous prévenir si nous ne pouvons pas tenir ces délais, en vous expliquant pourquoi.',
  ],
  daysNote: 'Les délais sont exprimés en jours calendaires, à compter de la réception de votre signalement.',
  safeHarbor: {
    full: () => [
      `Si vous agissez de bonne foi et dans le respect de la présente politique${NBSP}:`,
      [
        `nous considérons vos recherches comme autorisées et nous n’engagerons ni ne soutiendrons aucune action en justice contre vous à leur sujet, y compris pour un manquement accidentel à la présente politique commis de bonne foi${NBSP};`,
        `nous n’engagerons aucune action contre vous pour le contournement de mesures techniques de protection effectué dans le cadre de ces recherches${NBSP};`,
        `nous levons, pour ces recherches et dans la mesure nécessaire, les restrictions de nos conditions d’utilisation qui les interdiraient${NBSP};`,
        'si un tiers engage une action en justice contre vous pour des activités conformes à la présente politique, nous ferons savoir que vous avez agi avec notre autorisation, dans le cadre de celle-ci.',
      ],
      `Cet engagement ne vaut que pour les actions qui dépendent de nous${NBSP}; il ne peut pas lier des tiers indépendants. Il vous appartient de respecter le droit qui vous est applicable. En cas de doute sur une action, interrogez-nous avant d’aller plus loin.`,
    ],
    partial: () => [
      'Si vous agissez de bonne foi et dans le respect de la présente politique, nous n’engagerons ni ne soutiendrons aucune action en justice contre vous au sujet de vos recherches.',
      `La présente politique ne déclare pas vos recherches autorisées et ne prend aucun engagement quant aux actions de tiers${NBSP}: elle n’engage que nous. Il vous appartient de respecter le droit qui vous est applicable. En cas de doute sur une action, interrogez-nous avant d’aller plus loin.`,
    ],
    none: (org) => [
      `**Aucune protection juridique n’est offerte.** ${org} ne prend aucun engagement${NBSP}: la présente politique n’autorise aucun test et ne vous protège pas contre des poursuites, ni de notre part ni de la part de quiconque. Avant tout test, tenez compte du droit qui vous est applicable. Vous pouvez toutefois nous signaler toute vulnérabilité que vous avez découverte, sur la page de signalement.`,
    ],
  },
  disclosure: {
    coordinated: (days) =>
      `Nous pratiquons la divulgation coordonnée. Sauf accord contraire avec vous, vous pouvez publier les détails de la vulnérabilité une fois qu’un correctif est disponible ou au bout de ${days} à compter de votre signalement, selon ce qui survient en premier. Prévenez-nous avant toute publication. Si un correctif demande plus de temps, nous pouvons vous demander d’attendre${NBSP}: toute prolongation est convenue avec vous.`,
    discretionary: (days) =>
      `La publication des détails de la vulnérabilité, ou leur communication à des tiers, nécessite notre autorisation écrite préalable. Vous pouvez la demander une fois la vulnérabilité corrigée ou au bout de ${days} à compter de votre signalement${NBSP}; nous vous répondrons de manière motivée.`,
    non_disclosure: (days) =>
      `Les détails de la vulnérabilité doivent rester confidentiels entre vous et nous, même après sa correction${NBSP}: ne les publiez pas et ne les communiquez à personne. Si la vulnérabilité n’est pas corrigée au bout de ${days} à compter de votre signalement, vous pouvez nous demander de faire intervenir un coordinateur, tel qu’une équipe nationale de réponse aux incidents informatiques (CERT).`,
  },
  creditOffered: `Avec votre accord, nous mentionnons publiquement votre contribution, sous votre nom ou sous un pseudonyme, à votre choix, dans l’avis de sécurité relatif à la vulnérabilité. Indiquez-nous dans votre signalement comment vous souhaitez apparaître${NBSP}; vous pouvez aussi refuser toute mention.`,
  creditNotOffered:
    'Nous ne publions pas de mention des auteurs de signalements. Nous remercions directement chaque personne qui nous signale une vulnérabilité.',
  rulesLead: `Nous vous demandons${NBSP}:`,
  rules: [
    `d’agir de bonne foi et de ne tester que ce qui entre dans le périmètre${NBSP};`,
    `de n’accéder qu’aux données strictement nécessaires pour démontrer la vulnérabilité, et de ne pas copier, conserver, modifier ni supprimer de données au-delà de cette preuve${NBSP};`,
    `de ne pas dégrader ni interrompre nos services ou l’expérience d’autres utilisateurs, par exemple par des tests de déni de service${NBSP};`,
    `de ne jamais exiger de paiement ou d’autre avantage en échange d’informations sur une vulnérabilité, ni de menacer de les publier${NBSP};`,
    `de vous arrêter dès que vous rencontrez des données personnelles, de ne pas les consulter davantage, de nous le signaler immédiatement et d’en supprimer toute copie${NBSP};`,
    'de signaler rapidement les vulnérabilités et d’en garder les détails confidentiels, comme le prévoit la section sur la divulgation.',
  ],
};
