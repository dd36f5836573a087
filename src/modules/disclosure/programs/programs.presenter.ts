import { generatePolicyText, type PolicyLanguage, type ProgramTerms } from './policy-text.ts';
import type { ProgramRow } from './programs.repository.ts';

/** The public page of a program, where researchers read the policy and report. */
export function programPath(id: string): string {
  return `/disclose/${id}`;
}

/**
 * The organization's name as one clean line: it was written elsewhere in the platform, under rules of its own,
 * and the policy generator takes single lines only.
 */
function singleLine(text: string): string {
  let line = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const isControl = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    line += isControl ? ' ' : char;
  }
  return line.replace(/ {2,}/g, ' ').trim().slice(0, 200) || '—';
}

/** The generator's terms from a program row (also used to check new terms before they are written). */
export function programTerms(row: ProgramRow, reportUrl: string): ProgramTerms {
  return {
    organizationName: singleLine(row.org_name),
    programName: row.name,
    scopeIn: parseLines(row.scope_in),
    scopeOut: parseLines(row.scope_out),
    safeHarbor: row.safe_harbor as ProgramTerms['safeHarbor'],
    disclosure: {
      policy: row.disclosure_policy as ProgramTerms['disclosure']['policy'],
      defaultDays: row.disclosure_days,
    },
    responseTargets: {
      acknowledgeDays: row.acknowledge_days,
      triageDays: row.triage_days,
      resolveDays: row.resolve_days,
    },
    acceptsAnonymousReports: row.accepts_anonymous === 1,
    offersPublicCredit: row.offers_credit === 1,
    isStateProgram: row.org_kind === 'state',
    reportUrl,
    ...(row.openpgp_fingerprint ? { encryptionKeyFingerprint: row.openpgp_fingerprint } : {}),
  };
}

function parseLines(json: string): string[] {
  return JSON.parse(json) as string[];
}

export function presentProgramSummary(row: ProgramRow) {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    isStateProgram: row.org_kind === 'state',
    name: row.name,
    status: row.status,
    languages: parseLines(row.languages),
    safeHarbor: row.safe_harbor,
    hasOpenpgpKey: row.openpgp_key !== null,
    publishedAt: row.published_at,
  };
}

export function presentProgram(
  row: ProgramRow,
  options: { publicUrl: string; lang: PolicyLanguage; canManage: boolean; canTriage: boolean },
) {
  const reportUrl = `${options.publicUrl}${programPath(row.id)}`;
  const scopeIn = parseLines(row.scope_in);
  const scopeOut = parseLines(row.scope_out);
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    orgKind: row.org_kind,
    isStateProgram: row.org_kind === 'state',
    name: row.name,
    status: row.status,
    scopeIn,
    scopeOut,
    safeHarbor: row.safe_harbor,
    disclosurePolicy: row.disclosure_policy,
    disclosureDays: row.disclosure_days,
    responseTargets: {
      acknowledgeDays: row.acknowledge_days,
      triageDays: row.triage_days,
      resolveDays: row.resolve_days,
    },
    languages: parseLines(row.languages),
    acceptsAnonymous: row.accepts_anonymous === 1,
    offersCredit: row.offers_credit === 1,
    openpgp:
      row.openpgp_key && row.openpgp_fingerprint
        ? {
            fingerprint: row.openpgp_fingerprint,
            expiresAt: row.openpgp_expires_at,
            armored: row.openpgp_key,
          }
        : null,
    policyLanguage: options.lang,
    policyText: generatePolicyText(programTerms(row, reportUrl), options.lang),
    reportUrl,
    canManage: options.canManage,
    canTriage: options.canTriage,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}
