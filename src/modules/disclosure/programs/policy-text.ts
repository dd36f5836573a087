import { AppError } from '../../../core/http/errors.ts';
import type { UnLanguageCode } from '../../../core/reference/languages.ts';

/**
 * The policy text of a vulnerability disclosure program, generated in the six UN languages from the terms an
 * organization chooses. The sections follow what a disclosure policy is expected to state (ISO/IEC 29147):
 * scope, how to report and what to include, response targets, legal safe harbour at the chosen level, the
 * disclosure rule, credit, and the rules researchers accept.
 */

export const POLICY_LANGUAGES = [
  'ar',
  'en',
  'es',
  'fr',
  'ru',
  'zh',
] as const satisfies readonly UnLanguageCode[];
export type PolicyLanguage = (typeof POLICY_LANGUAGES)[number];

/**
 * `full`: research under the policy is authorized, no legal action from us, and we say so if a third party
 * sues; `partial`: no legal action from us, but no statement of authorization or about third parties;
 * `none`: no promise at all, which the text says plainly.
 */
export const SAFE_HARBOR_LEVELS = ['full', 'partial', 'none'] as const;
export type SafeHarborLevel = (typeof SAFE_HARBOR_LEVELS)[number];

/**
 * `coordinated`: the reporter may publish after the fix or after the default days, whichever comes first,
 * unless agreed otherwise; `discretionary`: publication needs our written permission; `non_disclosure`:
 * details stay confidential.
 */
export const DISCLOSURE_POLICIES = ['coordinated', 'discretionary', 'non_disclosure'] as const;
export type DisclosurePolicy = (typeof DISCLOSURE_POLICIES)[number];

export interface ResponseTargets {
  acknowledgeDays: number;
  triageDays: number;
  resolveDays: number;
}

export interface ProgramTerms {
  organizationName: string;
  programName: string;
  /** Free text lines, as the organization wrote them. */
  scopeIn: string[];
  scopeOut: string[];
  safeHarbor: SafeHarborLevel;
  disclosure: { policy: DisclosurePolicy; defaultDays: number };
  responseTargets: ResponseTargets;
  acceptsAnonymousReports: boolean;
  offersPublicCredit: boolean;
  /** A State agency taking reports about the State's own networks and systems. */
  isStateProgram: boolean;
  /** The program's public page, where reports are made. */
  reportUrl: string;
  /** OpenPGP fingerprint (40 or 64 hex digits, spaces allowed) of the key reports may be encrypted to. */
  encryptionKeyFingerprint?: string;
}

export type PolicyTermsErrorReason =
  | 'unsupported_language'
  | 'missing_value'
  | 'too_long'
  | 'too_many_lines'
  | 'line_break'
  | 'control_character'
  | 'invalid_option'
  | 'invalid_days'
  | 'invalid_url'
  | 'invalid_fingerprint';

export class PolicyTermsError extends Error {
  readonly reason: PolicyTermsErrorReason;
  /** The ProgramTerms field at fault, e.g. `scopeIn` or `responseTargets.triageDays`. */
  readonly field: string;

  constructor(reason: PolicyTermsErrorReason, field: string, message: string) {
    super(message);
    this.name = 'PolicyTermsError';
    this.reason = reason;
    this.field = field;
  }
}

/** The 422 problem a route answers with when terms cannot make a policy (code `invalid_program_terms`). */
export function policyTermsProblem(error: PolicyTermsError): AppError {
  return new AppError(422, 'invalid_program_terms', error.message, {
    extra: { reason: error.reason, field: error.field },
  });
}

const MAX_NAME_LENGTH = 200;
const MAX_SCOPE_LINE_LENGTH = 500;
const MAX_SCOPE_LINES = 50;
const MAX_DAYS = 365;

/**
 * Markdown-escapes text so that it reads as itself: every ASCII punctuation character gets a backslash,
 * which CommonMark allows for all of them. No heading, list, link, autolink, emphasis, code or HTML can
 * come out of escaped text, whatever it holds, and renderers that link bare URLs find none.
 */
export function escapeMarkdown(text: string): string {
  let escaped = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const isPunctuation =
      (code >= 0x21 && code <= 0x2f) ||
      (code >= 0x3a && code <= 0x40) ||
      (code >= 0x5b && code <= 0x60) ||
      (code >= 0x7b && code <= 0x7e);
    escaped += isPunctuation ? `\\${char}` : char;
  }
  return escaped;
}

function isLineBreak(code: number): boolean {
  return (
    code === 0x0a ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x0d ||
    code === 0x85 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

function checkText(field: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PolicyTermsError('missing_value', field, `${field} must not be empty.`);
  }
  const text = value.trim();
  if (text.length > maxLength) {
    throw new PolicyTermsError('too_long', field, `${field} must be at most ${maxLength} characters.`);
  }
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // One line each: a line break would end the list item or paragraph the text sits in.
    if (isLineBreak(code)) throw new PolicyTermsError('line_break', field, `${field} must be a single line.`);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      throw new PolicyTermsError('control_character', field, `${field} must not contain control characters.`);
    }
  }
  return text;
}

function checkLines(field: string, value: unknown, isRequired: boolean): string[] {
  if (!Array.isArray(value))
    throw new PolicyTermsError('missing_value', field, `${field} must be a list of lines.`);
  if (isRequired && value.length === 0) {
    throw new PolicyTermsError('missing_value', field, `${field} needs at least one line.`);
  }
  if (value.length > MAX_SCOPE_LINES) {
    throw new PolicyTermsError('too_many_lines', field, `${field} holds at most ${MAX_SCOPE_LINES} lines.`);
  }
  return value.map((line, index) => checkText(`${field}[${index}]`, line, MAX_SCOPE_LINE_LENGTH));
}

function checkDays(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DAYS) {
    throw new PolicyTermsError(
      'invalid_days',
      field,
      `${field} must be a whole number of days from 1 to ${MAX_DAYS}.`,
    );
  }
  return value;
}

function checkOption<T extends string>(field: string, value: unknown, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new PolicyTermsError('invalid_option', field, `${field} must be one of: ${options.join(', ')}.`);
  }
  return value as T;
}

/** The URL as the WHATWG parser serializes it: no spaces, quotes or angle brackets left to break an autolink. */
function checkReportUrl(value: unknown): string {
  const field = 'reportUrl';
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PolicyTermsError('missing_value', field, 'reportUrl must not be empty.');
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new PolicyTermsError('invalid_url', field, 'reportUrl is not a valid URL.');
  }
  // http is allowed for instances on a laptop or a private network, where PUBLIC_URL is plain http.
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') {
    throw new PolicyTermsError('invalid_url', field, 'reportUrl must be an https or http URL.');
  }
  return url.href;
}

/** Uppercase hex in groups of four, as key tools print fingerprints. */
function checkFingerprint(value: unknown): string {
  const field = 'encryptionKeyFingerprint';
  const hex = typeof value === 'string' ? value.replace(/\s+/g, '') : '';
  if (!/^(?:[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})$/.test(hex)) {
    throw new PolicyTermsError(
      'invalid_fingerprint',
      field,
      'The fingerprint must be 40 or 64 hexadecimal digits.',
    );
  }
  return hex.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/** A paragraph, or a bulleted list. */
type Block = string | readonly string[];

interface Catalog {
  headings: {
    introduction: string;
    scope: string;
    inScope: string;
    outOfScope: string;
    report: string;
    commitments: string;
    safeHarbor: string;
    disclosure: string;
    credit: string;
    rules: string;
  };
  /** N days, in the form the catalog's sentences put it (after "within", "after"). */
  days(count: number): string;
  subtitle(org: string): string;
  introduction(org: string): string;
  stateSystems(org: string): string;
  noExclusions: string;
  scopeNote: string;
  reportAt(url: string): string;
  anonymousAccepted: string;
  anonymousRefused: string;
  includeLead: string;
  includeItems: readonly string[];
  encryption(fingerprint: string): string;
  commitmentsLead: string;
  commitments(targets: { acknowledge: string; triage: string; resolve: string }): readonly string[];
  daysNote: string;
  safeHarbor: Record<SafeHarborLevel, (org: string) => readonly Block[]>;
  disclosure: Record<DisclosurePolicy, (days: string) => string>;
  creditOffered: string;
  creditNotOffered: string;
  rulesLead: string;
  rules: readonly string[];
}

const pluralRules = new Map<PolicyLanguage, Intl.PluralRules>();
function pluralOf(lang: PolicyLanguage, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

const en: Catalog = {
  headings: {
    introduction: 'Introduction',
    scope: 'Scope',
    inScope: 'In scope',
    outOfScope: 'Out of scope',
    report: 'How to report',
    commitments: 'What we commit to',
    safeHarbor: 'Safe harbour',
    disclosure: 'Disclosure',
    credit: 'Credit',
    rules: 'Rules for researchers',
  },
  days: (count) => (pluralOf('en', count) === 'one' ? `${count} day` : `${count} days`),
  subtitle: (org) => `${org}: vulnerability disclosure policy.`,
  introduction: (org) =>
    `${org} welcomes reports of security vulnerabilities in the systems and products listed below. This policy sets out what you may test, how to report what you find, what we commit to in return and what we ask of you.`,
  stateSystems: (org) =>
    `As a State institution, ${org} also accepts reports about vulnerabilities in its own networks and systems. These reports are in scope and are handled under the terms of this policy.`,
  noExclusions: 'No exclusions are listed.',
  scopeNote:
    'Systems and products not listed as in scope are not covered by this policy. If you are unsure whether something is in scope, ask us through the reporting page before you test it.',
  reportAt: (url) => `Report vulnerabilities through our reporting page: ${url}.`,
  anonymousAccepted:
    'You may report anonymously. We then cannot ask you questions or tell you about progress, so consider leaving a way to reach you.',
  anonymousRefused:
    'We do not accept anonymous reports: please give us a way to reach you, so that we can ask questions and keep you informed.',
  includeLead: 'Please include:',
  includeItems: [
    'the affected product or service, and its version;',
    'a description of the vulnerability;',
    'the steps needed to reproduce it;',
    'its impact, as far as you can assess it;',
    'whether you know it to be exploited or already public;',
    'your own disclosure plans, including any date you have in mind;',
    'how you would like to be credited, if at all.',
  ],
  encryption: (fingerprint) =>
    `To protect sensitive details, encrypt your report to our OpenPGP key, fingerprint ${fingerprint}. Check the fingerprint before you use the key.`,
  commitmentsLead: 'We commit to:',
  commitments: ({ acknowledge, triage, resolve }) => [
    `acknowledge receipt of your report within ${acknowledge};`,
    `complete an initial assessment of your report and share its outcome with you within ${triage};`,
    `aim to fix confirmed vulnerabilities within ${resolve} of your report, and keep you informed of progress;`,
    'tell you if we cannot meet these targets, and why.',
  ],
  daysNote: 'Days are calendar days, counted from the date we receive your report.',
  safeHarbor: {
    full: () => [
      'If you act in good faith and within this policy:',
      [
        'we consider your research authorized, and we will not take or support legal action against you in relation to it, including for accidental violations of this policy made in good faith;',
        'we will not bring a claim against you for circumventing technical protection measures in the course of that research;',
        'we waive, for that research and to the extent needed, the restrictions of our terms of use that would otherwise forbid it;',
        'if a third party takes legal action against you for activity that complied with this policy, we will make it known that you acted with our authorization under it.',
      ],
      'This commitment covers only claims that we control; it cannot bind independent third parties. You remain responsible for complying with the law that applies to you. If you are unsure whether an action is covered, ask us before you go further.',
    ],
    partial: () => [
      'If you act in good faith and within this policy, we will not take or support legal action against you in relation to your research.',
      'This policy does not state that your research is authorized, and it makes no commitment about legal action by third parties: it binds only us. You remain responsible for complying with the law that applies to you. If you are unsure whether an action is covered, ask us before you go further.',
    ],
    none: (org) => [
      `**No safe harbour is offered.** ${org} makes no promise: this policy does not authorize any testing, and it does not protect you from legal action, by us or by anyone else. Before you test, consider the law that applies to you. You may still report any vulnerability you have found through the reporting page.`,
    ],
  },
  disclosure: {
    coordinated: (days) =>
      `We practise coordinated disclosure. Unless we agree otherwise with you, you may publish details of the vulnerability once a fix is available or ${days} after your report, whichever comes first. Please tell us before you publish. If a fix needs more time, we may ask you to wait: any extension is agreed with you.`,
    discretionary: (days) =>
      `Publishing details of the vulnerability, or sharing them with others, requires our prior written permission. You may ask for it once the vulnerability is fixed or ${days} after your report, and we will give you a reasoned answer.`,
    non_disclosure: (days) =>
      `Details of the vulnerability must remain confidential between you and us, even after it is fixed: do not publish them or share them with anyone. If the vulnerability is not fixed ${days} after your report, you may ask us to involve a coordinator, such as a national computer emergency response team (CERT).`,
  },
  creditOffered:
    'With your agreement, we credit you publicly, by name or pseudonym as you choose, in the advisory for the vulnerability. Tell us in your report how you would like to appear; you may also choose not to be credited.',
  creditNotOffered: 'We do not publish credit for reports. We thank every reporter directly.',
  rulesLead: 'We ask you to:',
  rules: [
    'act in good faith, and test only what is in scope;',
    'access no more data than you need to demonstrate the vulnerability, and not copy, keep, change or delete data beyond that proof;',
    "avoid degrading or disrupting our services or other users' experience, for example through denial-of-service testing;",
    'never demand payment or any other advantage in return for information about a vulnerability, nor threaten to publish it;',
    'stop as soon as you come across personal data: go no further into it, report it to us at once and delete any copy you hold;',
    'report vulnerabilities promptly and keep their details confidential, as the disclosure section describes.',
  ],
};

// French typography puts a non-breaking space before a colon.
const NBSP = '\u00a0';

const fr: Catalog = {
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

const es: Catalog = {
  headings: {
    introduction: 'Introducción',
    scope: 'Alcance',
    inScope: 'Dentro del alcance',
    outOfScope: 'Fuera del alcance',
    report: 'Cómo comunicar una vulnerabilidad',
    commitments: 'Nuestros compromisos',
    safeHarbor: 'Protección jurídica (puerto seguro)',
    disclosure: 'Divulgación',
    credit: 'Reconocimiento',
    rules: 'Normas para los investigadores',
  },
  days: (count) => (pluralOf('es', count) === 'one' ? `${count} día` : `${count} días`),
  subtitle: (org) => `${org}: política de divulgación de vulnerabilidades.`,
  introduction: (org) =>
    `${org} agradece los informes sobre vulnerabilidades de seguridad en los sistemas y productos que se indican a continuación. Esta política establece qué puede usted probar, cómo comunicarnos lo que encuentre, qué nos comprometemos a hacer a cambio y qué le pedimos.`,
  stateSystems: (org) =>
    `Como institución del Estado, ${org} acepta también informes sobre vulnerabilidades en sus propias redes y sistemas. Esos informes están dentro del alcance y se tramitan conforme a las condiciones de esta política.`,
  noExclusions: 'No se indica ninguna exclusión.',
  scopeNote:
    'Los sistemas y productos que no figuran dentro del alcance no están cubiertos por esta política. Si tiene dudas, consúltenos a través de la página de notificación antes de hacer cualquier prueba.',
  reportAt: (url) => `Comuníquenos las vulnerabilidades a través de nuestra página de notificación: ${url}.`,
  anonymousAccepted:
    'Puede enviar su informe de forma anónima. En ese caso no podremos hacerle preguntas ni mantenerle al tanto del avance, por lo que le recomendamos dejarnos alguna forma de contacto.',
  anonymousRefused:
    'No aceptamos informes anónimos: indíquenos cómo contactarle para que podamos hacerle preguntas y mantenerle al tanto del avance.',
  includeLead: 'Incluya, por favor:',
  includeItems: [
    'el producto o servicio afectado y su versión;',
    'una descripción de la vulnerabilidad;',
    'los pasos para reproducirla;',
    'su impacto, en la medida en que pueda evaluarlo;',
    'si sabe que está siendo explotada o que ya es pública;',
    'sus propios planes de divulgación, incluida cualquier fecha prevista;',
    'cómo desea que se reconozca su contribución, en su caso.',
  ],
  encryption: (fingerprint) =>
    `Para proteger la información sensible, cifre su informe con nuestra clave OpenPGP, cuya huella digital es ${fingerprint}. Compruebe la huella antes de utilizar la clave.`,
  commitmentsLead: 'Nos comprometemos a:',
  commitments: ({ acknowledge, triage, resolve }) => [
    `acusar recibo de su informe en un plazo de ${acknowledge};`,
    `realizar una evaluación inicial de su informe y comunicarle el resultado en un plazo de ${triage};`,
    `procurar corregir las vulnerabilidades confirmadas en un plazo de ${resolve} desde su informe, y mantenerle al tanto del avance;`,
    'avisarle si no podemos cumplir estos plazos y explicarle por qué.',
  ],
  daysNote: 'Los plazos se expresan en días naturales, contados desde la recepción de su informe.',
  safeHarbor: {
    full: () => [
      'Si actúa de buena fe y conforme a esta política:',
      [
        'consideramos que su investigación está autorizada y no emprenderemos ni apoyaremos acciones legales contra usted en relación con ella, tampoco por incumplimientos accidentales de esta política cometidos de buena fe;',
        'no presentaremos reclamaciones contra usted por eludir medidas técnicas de protección en el curso de esa investigación;',
        'renunciamos, para esa investigación y en la medida necesaria, a las restricciones de nuestras condiciones de uso que la impedirían;',
        'si un tercero emprende acciones legales contra usted por actividades conformes a esta política, daremos a conocer que usted actuó con nuestra autorización en el marco de esta.',
      ],
      'Este compromiso solo abarca las acciones que dependen de nosotros; no puede obligar a terceros independientes. Usted sigue siendo responsable de cumplir la legislación que le sea aplicable. Si duda de si una acción está cubierta, consúltenos antes de seguir adelante.',
    ],
    partial: () => [
      'Si actúa de buena fe y conforme a esta política, no emprenderemos ni apoyaremos acciones legales contra usted en relación con su investigación.',
      'Esta política no declara autorizada su investigación ni asume compromiso alguno respecto de acciones legales de terceros: solo nos obliga a nosotros. Usted sigue siendo responsable de cumplir la legislación que le sea aplicable. Si duda de si una acción está cubierta, consúltenos antes de seguir adelante.',
    ],
    none: (org) => [
      `**No se ofrece ninguna protección jurídica.** ${org} no asume ningún compromiso: esta política no autoriza ninguna prueba ni le protege frente a acciones legales, ni nuestras ni de nadie. Antes de hacer pruebas, tenga en cuenta la legislación que le sea aplicable. Aun así, puede comunicarnos cualquier vulnerabilidad que haya encontrado a través de la página de notificación.`,
    ],
  },
  disclosure: {
    coordinated: (days) =>
      `Aplicamos la divulgación coordinada. Salvo que acordemos otra cosa con usted, puede publicar los detalles de la vulnerabilidad una vez que haya una corrección disponible o al cabo de ${days} desde su informe, lo que ocurra primero. Avísenos antes de publicar. Si una corrección necesita más tiempo, podemos pedirle que espere: toda prórroga se acuerda con usted.`,
    discretionary: (days) =>
      `Publicar los detalles de la vulnerabilidad, o compartirlos con terceros, requiere nuestra autorización previa por escrito. Puede solicitarla una vez corregida la vulnerabilidad o al cabo de ${days} desde su informe, y le daremos una respuesta motivada.`,
    non_disclosure: (days) =>
      `Los detalles de la vulnerabilidad deben permanecer confidenciales entre usted y nosotros, incluso después de corregida: no los publique ni los comparta con nadie. Si la vulnerabilidad no está corregida al cabo de ${days} desde su informe, puede pedirnos que recurramos a un coordinador, como un equipo nacional de respuesta a incidentes informáticos (CERT).`,
  },
  creditOffered:
    'Con su consentimiento, reconocemos públicamente su contribución, con su nombre o con un seudónimo, según prefiera, en el aviso de seguridad sobre la vulnerabilidad. Indíquenos en su informe cómo desea figurar; también puede optar por no figurar.',
  creditNotOffered:
    'No publicamos reconocimientos de los informes. Agradecemos directamente a cada persona que nos comunica una vulnerabilidad.',
  rulesLead: 'Le pedimos que:',
  rules: [
    'actúe de buena fe y pruebe solo lo que está dentro del alcance;',
    'no acceda a más datos de los necesarios para demostrar la vulnerabilidad, ni copie, conserve, modifique o elimine datos más allá de esa prueba;',
    'no degrade ni interrumpa nuestros servicios ni la experiencia de otros usuarios, por ejemplo con pruebas de denegación de servicio;',
    'nunca exija un pago ni ninguna otra ventaja a cambio de información sobre una vulnerabilidad, ni amenace con publicarla;',
    'se detenga en cuanto encuentre datos personales, no siga accediendo a ellos, nos lo comunique de inmediato y elimine cualquier copia que tenga;',
    'nos comunique las vulnerabilidades sin demora y mantenga sus detalles en confidencialidad, como se indica en la sección de divulgación.',
  ],
};

const ru: Catalog = {
  headings: {
    introduction: 'Введение',
    scope: 'Область действия',
    inScope: 'Входит в область действия',
    outOfScope: 'Не входит в область действия',
    report: 'Как сообщить об уязвимости',
    commitments: 'Наши обязательства',
    safeHarbor: 'Правовая защита исследователей',
    disclosure: 'Раскрытие информации',
    credit: 'Признание вклада',
    rules: 'Правила для исследователей',
  },
  // The sentences use the genitive ("в течение", "по истечении"): 1, 21, 31… дня; everything else дней.
  days: (count) => (pluralOf('ru', count) === 'one' ? `${count} дня` : `${count} дней`),
  subtitle: (org) => `${org}: политика раскрытия информации об уязвимостях.`,
  introduction: (org) =>
    `${org} приветствует сообщения об уязвимостях в системах и продуктах, перечисленных ниже. В настоящей политике указано, что вы можете тестировать, как сообщить о найденном, какие обязательства мы берём на себя и чего мы ожидаем от вас.`,
  stateSystems: (org) =>
    `В качестве государственного органа ${org} также принимает сообщения об уязвимостях в собственных сетях и системах. Такие сообщения входят в область действия настоящей политики и рассматриваются на изложенных в ней условиях.`,
  noExclusions: 'Исключения не указаны.',
  scopeNote:
    'Системы и продукты, не перечисленные в области действия, настоящей политикой не охватываются. Если вы не уверены, спросите нас через страницу для сообщений, прежде чем что-либо тестировать.',
  reportAt: (url) => `Сообщайте об уязвимостях через нашу страницу для сообщений: ${url}.`,
  anonymousAccepted:
    'Вы можете сообщить об уязвимости анонимно. В этом случае мы не сможем задавать вам вопросы или сообщать о ходе работы, поэтому рекомендуем оставить способ связи с вами.',
  anonymousRefused:
    'Мы не принимаем анонимные сообщения: укажите, как с вами связаться, чтобы мы могли задавать вопросы и сообщать вам о ходе работы.',
  includeLead: 'Пожалуйста, укажите:',
  includeItems: [
    'затронутый продукт или сервис и его версию;',
    'описание уязвимости;',
    'шаги для её воспроизведения;',
    'её последствия, насколько вы можете их оценить;',
    'известно ли вам, что она эксплуатируется или уже стала общедоступной;',
    'ваши планы по раскрытию информации, включая предполагаемые сроки;',
    'хотите ли вы, чтобы ваш вклад был отмечен, и в каком виде.',
  ],
  encryption: (fingerprint) =>
    `Чтобы защитить конфиденциальные сведения, зашифруйте сообщение нашим ключом OpenPGP с отпечатком ${fingerprint}. Перед использованием ключа сверьте отпечаток.`,
  commitmentsLead: 'Мы обязуемся:',
  commitments: ({ acknowledge, triage, resolve }) => [
    `подтвердить получение вашего сообщения в течение ${acknowledge};`,
    `провести первичную оценку и сообщить вам её результат в течение ${triage};`,
    `стремиться устранить подтверждённые уязвимости в течение ${resolve} с момента вашего сообщения и информировать вас о ходе работы;`,
    'предупредить вас, если мы не сможем уложиться в эти сроки, и объяснить причину.',
  ],
  daysNote: 'Сроки указаны в календарных днях и отсчитываются с момента получения вашего сообщения.',
  safeHarbor: {
    full: () => [
      'Если вы действуете добросовестно и в соответствии с настоящей политикой:',
      [
        'мы считаем ваше исследование санкционированным и не будем предпринимать или поддерживать юридические действия против вас в связи с ним, в том числе за случайные нарушения настоящей политики, допущенные добросовестно;',
        'мы не будем предъявлять вам претензии за обход технических средств защиты в ходе такого исследования;',
        'мы в необходимой мере снимаем для такого исследования ограничения наших условий использования, которые иначе его запрещали бы;',
        'если третья сторона предпримет юридические действия против вас в связи с деятельностью, соответствующей настоящей политике, мы заявим, что вы действовали с нашего разрешения в рамках этой политики.',
      ],
      'Это обязательство касается только тех действий, которые зависят от нас; оно не может связывать независимые третьи стороны. Вы по-прежнему обязаны соблюдать применимое к вам законодательство. Если вы не уверены, охватывается ли то или иное действие, спросите нас, прежде чем продолжать.',
    ],
    partial: () => [
      'Если вы действуете добросовестно и в соответствии с настоящей политикой, мы не будем предпринимать или поддерживать юридические действия против вас в связи с вашим исследованием.',
      'Настоящая политика не объявляет ваше исследование санкционированным и не содержит обязательств в отношении юридических действий третьих сторон: она связывает только нас. Вы по-прежнему обязаны соблюдать применимое к вам законодательство. Если вы не уверены, охватывается ли то или иное действие, спросите нас, прежде чем продолжать.',
    ],
    none: (org) => [
      `**Правовая защита не предоставляется.** ${org} не даёт никаких обещаний: настоящая политика не разрешает никакого тестирования и не защищает вас от юридических действий — ни с нашей стороны, ни со стороны кого-либо ещё. Прежде чем что-либо тестировать, учтите применимое к вам законодательство. Тем не менее вы можете сообщить нам о любой найденной уязвимости через страницу для сообщений.`,
    ],
  },
  disclosure: {
    coordinated: (days) =>
      `Мы придерживаемся скоординированного раскрытия. Если мы с вами не договоримся об ином, вы можете опубликовать сведения об уязвимости после выхода исправления или по истечении ${days} с момента вашего сообщения — в зависимости от того, что наступит раньше. Предупредите нас перед публикацией. Если для исправления потребуется больше времени, мы можем попросить вас подождать: любое продление согласовывается с вами.`,
    discretionary: (days) =>
      `Для публикации сведений об уязвимости или их передачи третьим лицам требуется наше предварительное письменное разрешение. Вы можете запросить его после устранения уязвимости или по истечении ${days} с момента вашего сообщения, и мы дадим вам мотивированный ответ.`,
    non_disclosure: (days) =>
      `Сведения об уязвимости должны оставаться конфиденциальными между вами и нами даже после её устранения: не публикуйте их и никому не передавайте. Если уязвимость не устранена по истечении ${days} с момента вашего сообщения, вы можете попросить нас привлечь координатора, например национальную группу реагирования на компьютерные инциденты (CERT).`,
  },
  creditOffered:
    'С вашего согласия мы публично отмечаем ваш вклад — под вашим именем или псевдонимом, по вашему выбору, — в бюллетене безопасности, посвящённом уязвимости. Укажите в сообщении, как вас представить; вы также можете отказаться от упоминания.',
  creditNotOffered:
    'Мы не публикуем сведения об авторах сообщений. Мы благодарим каждого автора сообщения лично.',
  rulesLead: 'Мы просим вас:',
  rules: [
    'действовать добросовестно и тестировать только то, что входит в область действия;',
    'обращаться к данным лишь в объёме, необходимом для демонстрации уязвимости, и не копировать, не сохранять, не изменять и не удалять данные сверх этого;',
    'не ухудшать и не нарушать работу наших сервисов и не мешать другим пользователям, например тестами на отказ в обслуживании;',
    'никогда не требовать оплаты или иной выгоды в обмен на сведения об уязвимости и не угрожать их публикацией;',
    'при обнаружении персональных данных остановиться, не продолжать доступ к ним, немедленно сообщить нам и удалить все имеющиеся у вас копии;',
    'сообщать об уязвимостях без промедления и сохранять сведения о них в тайне, как указано в разделе о раскрытии информации.',
  ],
};

const zh: Catalog = {
  headings: {
    introduction: '简介',
    scope: '范围',
    inScope: '范围内',
    outOfScope: '范围外',
    report: '如何报告',
    commitments: '我们的承诺',
    safeHarbor: '安全港（法律保护）',
    disclosure: '披露',
    credit: '致谢',
    rules: '研究人员须遵守的规则',
  },
  days: (count) => `${count}天`,
  subtitle: (org) => `${org}的漏洞披露政策。`,
  introduction: (org) =>
    `${org}欢迎各方报告下列系统和产品中的安全漏洞。本政策说明您可以测试哪些内容、如何报告您的发现、我们作出哪些承诺，以及我们对您的要求。`,
  stateSystems: (org) =>
    `作为国家机构，${org}也接受有关其自身网络和系统漏洞的报告。此类报告属于本政策范围，并按本政策规定的条款处理。`,
  noExclusions: '未列出任何排除项。',
  scopeNote: '未列入范围的系统和产品不在本政策涵盖之列。如不确定，请在测试前通过报告页面向我们咨询。',
  reportAt: (url) => `请通过我们的报告页面报告漏洞：${url}。`,
  anonymousAccepted: '您可以匿名报告。但这样我们将无法向您提问或告知处理进展，因此建议您留下联系方式。',
  anonymousRefused: '我们不接受匿名报告：请留下联系方式，以便我们向您提问并告知处理进展。',
  includeLead: '请在报告中提供：',
  includeItems: [
    '受影响的产品或服务及其版本；',
    '漏洞描述；',
    '复现步骤；',
    '您所能评估的影响；',
    '您是否知道该漏洞已被利用或已公开；',
    '您自己的披露计划，包括任何预定日期；',
    '您希望以何种方式获得致谢（如有此意愿）。',
  ],
  encryption: (fingerprint) =>
    `为保护敏感信息，请使用我们的 OpenPGP 密钥加密报告，其指纹为 ${fingerprint}。使用前请核对指纹。`,
  commitmentsLead: '我们承诺：',
  commitments: ({ acknowledge, triage, resolve }) => [
    `在${acknowledge}内确认收到您的报告；`,
    `在${triage}内完成初步评估并告知您结果；`,
    `力争在收到报告后${resolve}内修复已确认的漏洞，并随时告知您进展；`,
    '如无法按时完成，及时告知您并说明原因。',
  ],
  daysNote: '上述期限以日历日计算，自我们收到您的报告之日起算。',
  safeHarbor: {
    full: () => [
      '如果您本着善意并遵守本政策行事：',
      [
        '我们视您的研究为经授权的行为，不会就此对您提起或支持任何法律行动，包括您出于善意而意外违反本政策的情形；',
        '我们不会因您在研究过程中规避技术保护措施而向您提出索赔；',
        '在此类研究所需范围内，我们豁免使用条款中原本会禁止该研究的限制；',
        '如有第三方因您遵守本政策的活动而对您采取法律行动，我们将公开说明您是在本政策框架下经我们授权行事。',
      ],
      '本承诺仅涵盖我们能够控制的法律主张，不能约束独立的第三方。您仍须遵守适用于您的法律。如不确定某项行为是否在保护范围内，请在继续之前先向我们咨询。',
    ],
    partial: () => [
      '如果您本着善意并遵守本政策行事，我们不会就您的研究对您提起或支持任何法律行动。',
      '本政策并未声明您的研究已获授权，也不就第三方的法律行动作出任何承诺：它仅约束我们。您仍须遵守适用于您的法律。如不确定某项行为是否在保护范围内，请在继续之前先向我们咨询。',
    ],
    none: (org) => [
      `**不提供任何安全港保护**。${org}不作任何承诺：本政策不授权任何测试，也不保护您免受我们或任何其他方的法律行动。测试前，请考虑适用于您的法律。您仍可通过报告页面向我们报告您发现的任何漏洞。`,
    ],
  },
  disclosure: {
    coordinated: (days) =>
      `我们采用协调披露。除非与您另有约定，在修复程序发布后，或自您报告之日起${days}后（以先到者为准），您可以公布漏洞详情。请在公布前通知我们。如修复需要更多时间，我们可能请您等待；任何延期均须与您商定。`,
    discretionary: (days) =>
      `公布漏洞详情或将其告知他人，须事先获得我们的书面许可。您可在漏洞修复后或自您报告之日起${days}后提出申请，我们将给予说明理由的答复。`,
    non_disclosure: (days) =>
      `漏洞详情须在您与我们之间保密，即使修复后亦然：请勿公布或告知任何人。如自您报告之日起${days}后漏洞仍未修复，您可以请我们邀请协调方参与，例如国家计算机应急响应组（CERT）。`,
  },
  creditOffered:
    '经您同意，我们会在该漏洞的安全公告中公开致谢，可使用您的姓名或化名，由您选择。请在报告中告诉我们您希望如何署名；您也可以选择不署名。',
  creditNotOffered: '我们不公开致谢报告者。我们会直接感谢每一位报告者。',
  rulesLead: '我们请您：',
  rules: [
    '本着善意行事，只测试范围内的内容；',
    '访问的数据不超过证明漏洞所必需的限度，不得超出该证明范围复制、保留、修改或删除数据；',
    '不得降低或中断我们的服务，也不得影响其他用户，例如进行拒绝服务测试；',
    '绝不以漏洞信息换取报酬或任何其他利益，也不得以公开相威胁；',
    '一旦接触到个人数据，立即停止，不再进一步访问，马上向我们报告，并删除您持有的所有副本；',
    '及时报告漏洞，并按“披露”一节的规定对详情保密。',
  ],
};

/**
 * Arabic: after خلال and مرور the counted noun follows Arabic number agreement. One and two are said by the
 * noun itself (يوم واحد، يومين), as Arabic writes them; from three on the count is in digits.
 */
function arabicDays(count: number): string {
  switch (pluralOf('ar', count)) {
    case 'one':
      return 'يوم واحد';
    case 'two':
      return 'يومين';
    case 'few':
      return `${count} أيام`;
    case 'many':
      return `${count} يومًا`;
    default:
      return `${count} يوم`;
  }
}

const ar: Catalog = {
  headings: {
    introduction: 'مقدمة',
    scope: 'النطاق',
    inScope: 'ما يشمله النطاق',
    outOfScope: 'ما يخرج عن النطاق',
    report: 'كيفية الإبلاغ',
    commitments: 'التزاماتنا',
    safeHarbor: 'الملاذ الآمن (الحماية القانونية)',
    disclosure: 'الإفصاح',
    credit: 'التنويه بالمساهمة',
    rules: 'قواعد للباحثين',
  },
  days: arabicDays,
  subtitle: (org) => `سياسة الإفصاح عن الثغرات الأمنية لدى ${org}.`,
  // The organization is never the subject of a verb here: Arabic verbs agree in gender with their subject.
  introduction: (org) =>
    `نرحّب في ${org} بالبلاغات عن الثغرات الأمنية في الأنظمة والمنتجات المدرجة أدناه. وتبيّن هذه السياسة ما يجوز لك اختباره، وكيفية إبلاغنا بما تكتشفه، وما نلتزم به في المقابل، وما نطلبه منك.`,
  stateSystems: (org) =>
    `وبصفتنا جهة حكومية، نتلقى في ${org} أيضًا البلاغات عن الثغرات في شبكاتنا وأنظمتنا. وتدخل هذه البلاغات ضمن نطاق هذه السياسة وتُعالَج وفق الشروط الواردة فيها.`,
  noExclusions: 'لم تُحدَّد أي استثناءات.',
  scopeNote:
    'لا تشمل هذه السياسة الأنظمة والمنتجات غير المدرجة ضمن النطاق. وإذا لم تكن متأكدًا، فاسألنا عبر صفحة الإبلاغ قبل إجراء أي اختبار.',
  reportAt: (url) => `يُرجى الإبلاغ عن الثغرات عبر صفحة الإبلاغ الخاصة بنا: ${url}.`,
  anonymousAccepted:
    'يمكنك الإبلاغ دون الكشف عن هويتك. وفي هذه الحالة لن نتمكن من طرح أسئلة عليك أو إطلاعك على سير المعالجة، لذا يُستحسن أن تترك لنا وسيلة للتواصل معك.',
  anonymousRefused:
    'لا نقبل البلاغات مجهولة المصدر: يُرجى تزويدنا بوسيلة للتواصل معك حتى نتمكن من طرح أسئلة عليك وإطلاعك على سير المعالجة.',
  includeLead: 'يُرجى أن يتضمن بلاغك ما يلي:',
  includeItems: [
    'المنتج أو الخدمة المتأثرة وإصدارها؛',
    'وصف للثغرة؛',
    'خطوات إعادة إنتاجها؛',
    'أثرها، بقدر ما يمكنك تقديره؛',
    'ما إذا كنت تعلم أنها تُستغل أو أنها أصبحت علنية؛',
    'خططك للإفصاح، بما في ذلك أي موعد تعتزمه؛',
    'الطريقة التي تود أن يُنوَّه بها بمساهمتك، إن رغبت في ذلك.',
  ],
  encryption: (fingerprint) =>
    `لحماية المعلومات الحساسة، يُرجى تشفير بلاغك بمفتاح OpenPGP الخاص بنا، وبصمته: ${fingerprint}. ويُرجى التحقق من البصمة قبل استخدام المفتاح.`,
  commitmentsLead: 'نلتزم بما يلي:',
  commitments: ({ acknowledge, triage, resolve }) => [
    `الإقرار باستلام بلاغك خلال ${acknowledge}؛`,
    `إجراء تقييم أولي لبلاغك وإبلاغك بنتيجته خلال ${triage}؛`,
    `السعي إلى إصلاح الثغرات المؤكدة خلال ${resolve} من تاريخ بلاغك، وإطلاعك على سير العمل؛`,
    'إخطارك إذا تعذّر علينا الوفاء بهذه المواعيد، مع بيان السبب.',
  ],
  daysNote: 'تُحسب هذه المهل بالأيام التقويمية اعتبارًا من تاريخ استلامنا لبلاغك.',
  safeHarbor: {
    full: () => [
      'إذا تصرفت بحسن نية ووفقًا لهذه السياسة:',
      [
        'نعدّ بحثك مأذونًا به، ولن نتخذ أي إجراء قانوني ضدك بشأنه ولن ندعم اتخاذه، بما في ذلك المخالفات العرضية لهذه السياسة المرتكبة بحسن نية؛',
        'ولن نرفع أي دعوى ضدك بسبب التحايل على تدابير الحماية التقنية في أثناء هذا البحث؛',
        'ونتنازل، لأغراض هذا البحث وبالقدر اللازم، عن القيود الواردة في شروط الاستخدام لدينا التي كانت ستمنعه؛',
        'وإذا اتخذ طرف ثالث إجراءً قانونيًا ضدك بسبب أنشطة تمت وفقًا لهذه السياسة، فسنعلن أنك تصرفت بإذن منا في إطارها.',
      ],
      'ولا يشمل هذا الالتزام إلا ما يخضع لسلطتنا من إجراءات، ولا يمكن أن يُلزم أطرافًا ثالثة مستقلة. وتظل مسؤولًا عن الامتثال للقانون الساري عليك. وإذا لم تكن متأكدًا مما إذا كان تصرف ما مشمولًا، فاسألنا قبل المضي قدمًا.',
    ],
    partial: () => [
      'إذا تصرفت بحسن نية ووفقًا لهذه السياسة، فلن نتخذ أي إجراء قانوني ضدك بشأن بحثك ولن ندعم اتخاذه.',
      'ولا تنص هذه السياسة على أن بحثك مأذون به، ولا تتضمن أي التزام بشأن الإجراءات القانونية التي قد تتخذها أطراف ثالثة: فهي لا تُلزم أحدًا سوانا. وتظل مسؤولًا عن الامتثال للقانون الساري عليك. وإذا لم تكن متأكدًا مما إذا كان تصرف ما مشمولًا، فاسألنا قبل المضي قدمًا.',
    ],
    none: (org) => [
      `**لا تُقدَّم أي حماية قانونية (ملاذ آمن).** لا نقدّم في ${org} أي وعد: فهذه السياسة لا تأذن بأي اختبار، ولا تحميك من أي إجراء قانوني، سواء من جانبنا أو من جانب أي طرف آخر. وقبل إجراء أي اختبار، ضع في اعتبارك القانون الساري عليك. ومع ذلك، يمكنك إبلاغنا بأي ثغرة اكتشفتها عبر صفحة الإبلاغ.`,
    ],
  },
  disclosure: {
    coordinated: (days) =>
      `نتّبع نهج الإفصاح المنسّق. وما لم نتفق معك على خلاف ذلك، يجوز لك نشر تفاصيل الثغرة بعد توفر إصلاح لها أو بعد مرور ${days} من تاريخ بلاغك، أيهما أسبق. ويُرجى إخطارنا قبل النشر. وإذا تطلّب الإصلاح وقتًا أطول، فقد نطلب منك الانتظار، على أن يكون أي تمديد باتفاق معك.`,
    discretionary: (days) =>
      `يتطلب نشر تفاصيل الثغرة أو إطلاع الغير عليها إذنًا كتابيًا مسبقًا منا. ويمكنك طلب هذا الإذن بعد إصلاح الثغرة أو بعد مرور ${days} من تاريخ بلاغك، وسنرد عليك ردًا مسبَّبًا.`,
    non_disclosure: (days) =>
      `يجب أن تبقى تفاصيل الثغرة سرية بينك وبيننا، حتى بعد إصلاحها: فلا تنشرها ولا تُطلع عليها أحدًا. وإذا لم تُصلَح الثغرة بعد مرور ${days} من تاريخ بلاغك، يمكنك أن تطلب منا إشراك جهة تنسيق، مثل فريق وطني للاستجابة لطوارئ الحاسوب (CERT).`,
  },
  creditOffered:
    'بموافقتك، ننوّه علنًا بمساهمتك في النشرة الأمنية الخاصة بالثغرة، باسمك أو باسم مستعار حسب اختيارك. ويُرجى أن توضح في بلاغك كيف تود أن يظهر اسمك؛ ويمكنك أيضًا أن تختار عدم ذكرك.',
  creditNotOffered: 'لا ننشر تنويهًا بأصحاب البلاغات. ونشكر كل من يبلغنا بثغرة شكرًا مباشرًا.',
  rulesLead: 'نطلب منك ما يلي:',
  rules: [
    'أن تتصرف بحسن نية وألا تختبر إلا ما يدخل ضمن النطاق؛',
    'ألا تصل إلى بيانات تتجاوز ما يلزم لإثبات الثغرة، وألا تنسخ أي بيانات أو تحتفظ بها أو تعدّلها أو تحذفها بما يتجاوز هذا الإثبات؛',
    'ألا تُضعف أداء خدماتنا أو تعطّلها أو تُخلّ بتجربة المستخدمين الآخرين، كأن تجري اختبارات حجب الخدمة؛',
    'ألا تطلب أبدًا أي مقابل مالي أو منفعة أخرى مقابل معلومات عن ثغرة، وألا تهدد بنشرها؛',
    'أن تتوقف فور عثورك على بيانات شخصية، وألا تواصل الوصول إليها، وأن تبلغنا بذلك فورًا، وأن تحذف أي نسخة منها لديك؛',
    'أن تبلغ عن الثغرات دون تأخير وأن تحافظ على سرية تفاصيلها على النحو المبين في قسم الإفصاح.',
  ],
};

const CATALOGS: Record<PolicyLanguage, Catalog> = { ar, en, es, fr, ru, zh };

// In Arabic, names and URLs in Latin script are set in their own direction (first-strong isolate, UAX #9),
// so that their punctuation does not drift to the wrong end of the right-to-left sentence.
const FSI = '\u2068';
const PDI = '\u2069';

function renderBlocks(blocks: readonly Block[]): string[] {
  return blocks.map((block) =>
    typeof block === 'string' ? block : block.map((item) => `- ${item}`).join('\n'),
  );
}

/**
 * The program's policy as Markdown in one of the six UN languages. Names and scope lines are inserted as
 * written, Markdown-escaped. Throws PolicyTermsError when the terms cannot make a policy.
 */
export function generatePolicyText(terms: ProgramTerms, lang: PolicyLanguage): string {
  if (!(POLICY_LANGUAGES as readonly string[]).includes(lang)) {
    throw new PolicyTermsError(
      'unsupported_language',
      'lang',
      `No policy text in language "${String(lang)}".`,
    );
  }
  const organizationName = checkText('organizationName', terms.organizationName, MAX_NAME_LENGTH);
  const programName = checkText('programName', terms.programName, MAX_NAME_LENGTH);
  const scopeIn = checkLines('scopeIn', terms.scopeIn, true);
  const scopeOut = checkLines('scopeOut', terms.scopeOut, false);
  const safeHarbor = checkOption('safeHarbor', terms.safeHarbor, SAFE_HARBOR_LEVELS);
  const policy = checkOption('disclosure.policy', terms.disclosure?.policy, DISCLOSURE_POLICIES);
  const defaultDays = checkDays('disclosure.defaultDays', terms.disclosure?.defaultDays);
  const acknowledgeDays = checkDays(
    'responseTargets.acknowledgeDays',
    terms.responseTargets?.acknowledgeDays,
  );
  const triageDays = checkDays('responseTargets.triageDays', terms.responseTargets?.triageDays);
  const resolveDays = checkDays('responseTargets.resolveDays', terms.responseTargets?.resolveDays);
  const reportUrl = checkReportUrl(terms.reportUrl);
  const fingerprint =
    terms.encryptionKeyFingerprint === undefined
      ? undefined
      : checkFingerprint(terms.encryptionKeyFingerprint);

  const catalog = CATALOGS[lang];
  const isolate = (text: string) => (lang === 'ar' ? `${FSI}${text}${PDI}` : text);
  const org = isolate(escapeMarkdown(organizationName));
  const line = (text: string) => isolate(escapeMarkdown(text));
  const { headings } = catalog;

  const sections: string[] = [];
  const section = (level: 2 | 3, heading: string, blocks: readonly Block[]) => {
    sections.push(`${'#'.repeat(level)} ${heading}`, ...renderBlocks(blocks));
  };

  sections.push(`# ${escapeMarkdown(programName)}`, catalog.subtitle(org));

  section(2, headings.introduction, [
    catalog.introduction(org),
    ...(terms.isStateProgram === true ? [catalog.stateSystems(org)] : []),
  ]);

  section(2, headings.scope, []);
  section(3, headings.inScope, [scopeIn.map(line)]);
  section(3, headings.outOfScope, [
    scopeOut.length > 0 ? scopeOut.map(line) : catalog.noExclusions,
    catalog.scopeNote,
  ]);

  section(2, headings.report, [
    // An autolink: the serialized URL holds no space or angle bracket that could end it early.
    catalog.reportAt(isolate(`<${reportUrl}>`)),
    terms.acceptsAnonymousReports === true ? catalog.anonymousAccepted : catalog.anonymousRefused,
    catalog.includeLead,
    catalog.includeItems,
    ...(fingerprint === undefined ? [] : [catalog.encryption(isolate(`\`${fingerprint}\``))]),
  ]);

  section(2, headings.commitments, [
    catalog.commitmentsLead,
    catalog.commitments({
      acknowledge: catalog.days(acknowledgeDays),
      triage: catalog.days(triageDays),
      resolve: catalog.days(resolveDays),
    }),
    catalog.daysNote,
  ]);

  section(2, headings.safeHarbor, catalog.safeHarbor[safeHarbor](org));
  section(2, headings.disclosure, [catalog.disclosure[policy](catalog.days(defaultDays))]);
  section(2, headings.credit, [
    terms.offersPublicCredit === true ? catalog.creditOffered : catalog.creditNotOffered,
  ]);
  section(2, headings.rules, [catalog.rulesLead, catalog.rules]);

  return `${sections.join('\n\n')}\n`;
}
