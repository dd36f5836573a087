import type { Db } from '../../../core/db/database.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import type { AdvisoryInput, AdvisoryProduct, AdvisoryRemediation, AdvisoryRevision } from '../csaf/index.ts';
import { csafDocumentUrl } from '../csaf/index.ts';
import { cvssSeverity } from '../reports/reports.presenter.ts';
import { cweName, describeDecision } from '../scoring/index.ts';
import type { AdvisoryRow, RevisionRow } from './advisories.repository.ts';

/** A version as published: { number, date, summary }. */
export interface PublishedVersion {
  number: string;
  date: string;
  summary: string;
  /** The revision whose text went out in this version. */
  revision?: number;
}

function remediationOf(status: string, text: string | null): AdvisoryRemediation | undefined {
  if (status === 'fixed') return { category: 'vendor_fix', details: text || 'Fixed by the vendor.' };
  if (status === 'affected') {
    return text
      ? { category: 'workaround', details: text }
      : { category: 'none_available', details: 'No remediation had been announced at publication.' };
  }
  return undefined;
}

async function loadFacts(db: Db | Trx, caseId: string) {
  const kase = await db
    .selectFrom('disclosure_cases as c')
    .innerJoin('vulnerability_reports as r', 'r.id', 'c.report_id')
    .select([
      'c.id',
      'c.cve_id',
      'c.created_at',
      'r.created_at as reported_at',
      'r.credit',
      'r.credit_name',
      'r.cvss_v3_vector',
      'r.cvss_v3_score',
      'r.cvss_v4_vector',
      'r.cvss_v4_score',
      'r.cwe_ids',
      'r.id as report_id',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const products = await db
    .selectFrom('disclosure_case_products as p')
    .innerJoin('disclosure_case_participants as v', 'v.id', 'p.participant_id')
    .select([
      'v.name as vendor',
      'v.removed_at',
      'p.product',
      'p.version',
      'p.status',
      'p.justification',
      'p.impact_statement',
      'p.remediation',
    ])
    .where('p.case_id', '=', caseId)
    .orderBy('v.name')
    .orderBy('p.product')
    .orderBy('p.version')
    .execute();
  const decision = await db
    .selectFrom('disclosure_ssvc_decisions')
    .select(['table_key', 'table_version', 'inputs', 'outcome', 'decided_at'])
    .where('report_id', '=', kase.report_id)
    .where('kind', '=', 'triage')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Statements the coordinators approved are published with the advisory, in the vendors' own words.
  const statements = await db
    .selectFrom('disclosure_case_statements as s')
    .innerJoin('disclosure_case_participants as v', 'v.id', 's.participant_id')
    .select(['v.name as vendor', 's.body'])
    .where('s.case_id', '=', caseId)
    .where('s.status', '=', 'approved')
    .where('v.removed_at', 'is', null)
    .orderBy('v.name')
    .orderBy('s.id')
    .execute();
  return { kase, products: products.filter((p) => p.removed_at === null), decision, statements };
}

/**
 * Maps a case, its advisory and one revision to the CSAF builder's model. Products whose vendor never answered
 * are not in the product tree (CSAF has no status for silence); they are named in the details instead, so a
 * reader learns who did not respond rather than nothing.
 */
export async function buildAdvisoryInput(
  db: Db | Trx,
  options: {
    advisory: AdvisoryRow;
    revision: RevisionRow;
    publicUrl: string;
    status: 'draft' | 'final';
    releaseDate: string;
    versions: readonly PublishedVersion[];
  },
): Promise<AdvisoryInput> {
  const { advisory, revision } = options;
  const { kase, products, decision, statements } = await loadFacts(db, advisory.case_id);
  const silent = [...new Set(products.filter((p) => p.status === 'no_response').map((p) => p.vendor))];
  const answered: AdvisoryProduct[] = products
    .filter((p) => p.status !== 'no_response')
    .map((p) => {
      const remediation = remediationOf(p.status, p.remediation);
      return {
        vendor: p.vendor,
        product: p.product,
        version: p.version || 'all versions',
        status: p.status as AdvisoryProduct['status'],
        ...(p.justification ? { justification: p.justification as AdvisoryProduct['justification'] } : {}),
        ...(p.impact_statement ? { impactStatement: p.impact_statement } : {}),
        ...(remediation ? { remediation } : {}),
      };
    });
  const cweId = (JSON.parse(kase.cwe_ids) as string[]).find((id) => cweName(id));
  const details = [
    revision.details,
    revision.remediation ? `Remediation: ${revision.remediation}` : '',
    ...statements.map((statement) => `Statement of ${statement.vendor}:\n${statement.body}`),
    silent.length > 0 ? `No answer had been received by publication from: ${silent.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const initial = advisory.initial_release_date ?? options.releaseDate;
  const revisions: AdvisoryRevision[] =
    options.status === 'final'
      ? [...options.versions]
      : [
          ...options.versions,
          {
            number: options.versions.length > 0 ? String(options.versions.length + 1) : '0',
            date: options.releaseDate,
            summary: revision.change_note || 'Draft.',
          },
        ];
  const triage = decision ? describeDecision('triage') : undefined;
  const credit =
    kase.credit === 'name' && kase.credit_name
      ? [{ names: [kase.credit_name], summary: 'Reported the vulnerability.' }]
      : kase.credit === 'anonymous'
        ? [{ names: [], summary: 'Reported by a researcher who chose to remain anonymous.' }]
        : [];
  return {
    trackingId: advisory.tracking_id,
    title: revision.title,
    lang: 'en',
    tlp: advisory.tlp as AdvisoryInput['tlp'],
    publisher: {
      name: advisory.coordinator_name,
      namespace: options.publicUrl,
      category: advisory.coordinator_kind === 'private_sector' ? 'vendor' : 'coordinator',
    },
    summary: revision.summary,
    ...(details ? { details } : {}),
    references: [
      { url: `${options.publicUrl}/advisories/${advisory.id}`, summary: 'This advisory on the platform.' },
      ...(JSON.parse(revision.references) as { url: string; summary: string }[]),
    ],
    revisions,
    status: options.status,
    initialReleaseDate: initial,
    currentReleaseDate: options.releaseDate,
    acknowledgments: credit,
    vulnerabilities: [
      {
        ...(kase.cve_id ? { cve: kase.cve_id } : {}),
        ids: [{ systemName: 'Common Ground case', text: kase.id }],
        ...(cweId ? { cwe: { id: cweId, name: cweName(cweId) as string } } : {}),
        title: revision.title,
        description: revision.summary,
        discoveryDate: kase.reported_at,
        releaseDate: options.releaseDate,
        cvss: {
          ...(kase.cvss_v3_vector && kase.cvss_v3_score !== null
            ? {
                v3: {
                  vector: kase.cvss_v3_vector,
                  baseScore: kase.cvss_v3_score,
                  baseSeverity: cvssSeverity(kase.cvss_v3_score),
                },
              }
            : {}),
          ...(kase.cvss_v4_vector && kase.cvss_v4_score !== null
            ? {
                v4: {
                  vector: kase.cvss_v4_vector,
                  baseScore: kase.cvss_v4_score,
                  baseSeverity: cvssSeverity(kase.cvss_v4_score),
                },
              }
            : {}),
        },
        ...(decision && triage
          ? {
              ssvc: {
                decision: `SSVC ${triage.name} ${decision.table_version}`,
                outcome:
                  triage.outcome.values.find((v) => v.key === decision.outcome)?.name ?? decision.outcome,
                inputs: Object.fromEntries(
                  Object.entries(JSON.parse(decision.inputs) as Record<string, string>).map(
                    ([key, value]) => {
                      const point = triage.inputs.find((p) => p.key === key);
                      return [point?.name ?? key, point?.values.find((v) => v.key === value)?.name ?? value];
                    },
                  ),
                ),
                timestamp: decision.decided_at,
              },
            }
          : {}),
        products: answered,
      },
    ],
    ...(advisory.tlp === 'CLEAR' && options.status === 'final'
      ? { canonicalUrl: csafDocumentUrl(options.publicUrl, advisory.tracking_id, initial) }
      : {}),
  };
}
