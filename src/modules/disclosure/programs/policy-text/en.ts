import { type Catalog, pluralOf } from './catalog.ts';

export const en: Catalog = {
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
