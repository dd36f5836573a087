import type { DisclosurePolicy, PolicyLanguage, SafeHarborLevel } from '../policy-text.ts';

// The shape of one language's policy wording (one file per language beside this one), which
// generatePolicyText in ../policy-text.ts fills in from the program's terms.

/** A paragraph, or a bulleted list. */
export type Block = string | readonly string[];

export interface Catalog {
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
export function pluralOf(lang: PolicyLanguage, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}
