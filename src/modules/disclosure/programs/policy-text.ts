import { AppError } from '../../../core/http/errors.ts';
import type { UnLanguageCode } from '../../../core/reference/languages.ts';
import { ar } from './policy-text/ar.ts';
import type { Block, Catalog } from './policy-text/catalog.ts';
import { en } from './policy-text/en.ts';
import { es } from './policy-text/es.ts';
import { fr } from './policy-text/fr.ts';
import { ru } from './policy-text/ru.ts';
import { zh } from './policy-text/zh.ts';

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
