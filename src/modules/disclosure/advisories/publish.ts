import { createHash } from 'node:crypto';
import type { Actor } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { nowIso } from '../../../core/db/ids.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import { AppError } from '../../../core/http/errors.ts';
import { getInstanceKey } from '../../../core/openpgp/index.ts';
import { loadCase } from '../cases/case-access.ts';
import { notifyCase } from '../cases/case-notify.ts';
import { buildCsafDocument, csafInvalidProblem, signDetached, validateCsaf } from '../csaf/index.ts';
import { notifyReporter } from '../reports/report-notify.ts';
import { findReportRow } from '../reports/reports.repository.ts';
import { noticeOf } from '../reports/reports.service.ts';
import { type AdvisoryRow, findAdvisoryOfCase, findRevisionRows } from './advisories.repository.ts';
import { buildAdvisoryInput, type PublishedVersion } from './advisory-input.ts';

/** The served bytes of a CSAF document: the same bytes are hashed and signed. */
export function csafBytes(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Publishes the advisory's approved revision in the caller's transaction: builds the CSAF security advisory and
 * VEX documents, refuses to publish a security advisory that fails validation (schema and mandatory tests),
 * stores the exact bytes with their SHA-256 and a detached signature by the instance key, marks the case
 * published (statuses and approved statements become everyone's), and tells every participant and the reporter.
 */
export async function publishAdvisory(
  ctx: AppContext,
  trx: Trx,
  advisory: AdvisoryRow,
  actor: Actor | string,
) {
  const revisions = await findRevisionRows(trx, advisory.id);
  const revision = revisions[revisions.length - 1];
  if (revision?.review_status !== 'approved') return false;
  const now = nowIso();
  const versions = JSON.parse(advisory.published_versions) as PublishedVersion[];
  const next: PublishedVersion = {
    number: String(versions.length + 1),
    date: now,
    summary: revision.change_note || (versions.length === 0 ? 'Initial public release.' : 'Updated.'),
    revision: revision.number,
  };
  const input = await buildAdvisoryInput(trx, {
    advisory,
    revision,
    publicUrl: ctx.config.publicUrl,
    status: 'final',
    releaseDate: now,
    versions: [...versions, next].map(({ number, date, summary }) => ({ number, date, summary })),
  });
  const document = buildCsafDocument(input, 'security_advisory');
  const validation = await validateCsaf(document);
  if (!validation.isValid) throw csafInvalidProblem(validation.errors);
  const hasProducts = input.vulnerabilities.some((vulnerability) => vulnerability.products.length > 0);
  const vex = hasProducts ? buildCsafDocument(input, 'vex') : null;
  const vexValid = vex ? (await validateCsaf(vex, { optional: false })).isValid : false;
  const bytes = csafBytes(document);
  const key = await getInstanceKey(trx, { publicUrl: ctx.config.publicUrl });
  const signature = await signDetached(new TextEncoder().encode(bytes), key.privateKey);
  await trx
    .updateTable('disclosure_advisories')
    .set({
      status: 'published',
      publish_on_embargo_exit: 0,
      published_versions: JSON.stringify([...versions, next]),
      initial_release_date: advisory.initial_release_date ?? now,
      current_release_date: now,
      csaf_json: bytes,
      vex_json: vex && vexValid ? csafBytes(vex) : null,
      csaf_sha256: createHash('sha256').update(bytes).digest('hex'),
      csaf_signature: signature,
      published_at: advisory.published_at ?? now,
      updated_at: now,
    })
    .where('id', '=', advisory.id)
    .execute();
  await trx
    .updateTable('disclosure_cases')
    .set({ published_at: now, updated_at: now })
    .where('id', '=', advisory.case_id)
    .where('published_at', 'is', null)
    .execute();
  await recordAudit(trx, {
    actor: typeof actor === 'string' ? { type: 'system', label: actor } : actor,
    orgId: advisory.coordinator_org_id,
    action: 'disclosure_advisory.published',
    subjectType: 'disclosure_advisory',
    subjectId: advisory.id,
    summary: `Advisory ${advisory.tracking_id} version ${next.number} published`,
  });
  const loaded = await loadCase(trx, advisory.case_id);
  if (loaded) {
    await notifyCase(ctx, trx, {
      row: loaded.row,
      event: 'advisory_published',
      toCoordinators: true,
      participants: loaded.participants.filter((p) => p.role !== 'coordinator' && p.role !== 'reporter'),
    });
    const report = await findReportRow(trx, loaded.row.report_id);
    if (report) await notifyReporter(ctx, trx, noticeOf(report), 'status_changed');
  }
  return true;
}

/** After an embargo exits: an advisory approved and waiting for the exit goes out now. */
export async function publishScheduledAdvisory(ctx: AppContext, trx: Trx, caseId: string): Promise<boolean> {
  const advisory = await findAdvisoryOfCase(trx, caseId);
  if (advisory?.status !== 'approved' || advisory.publish_on_embargo_exit !== 1) return false;
  try {
    return await publishAdvisory(ctx, trx, advisory, 'embargo-exit');
  } catch (error) {
    // The embargo's exit must not wait on the advisory: validation fails before anything is written, so the
    // exit commits, the advisory stays approved, and the coordinators see why it did not go out.
    if (!(error instanceof AppError)) throw error;
    ctx.log.warn({ advisoryId: advisory.id, code: error.code }, 'scheduled advisory not published');
    await trx
      .updateTable('disclosure_advisories')
      .set({ publish_on_embargo_exit: 0, updated_at: nowIso() })
      .where('id', '=', advisory.id)
      .execute();
    await recordAudit(trx, {
      actor: { type: 'system', label: 'embargo-exit' },
      orgId: advisory.coordinator_org_id,
      action: 'disclosure_advisory.publication_failed',
      subjectType: 'disclosure_advisory',
      subjectId: advisory.id,
      summary: `Advisory ${advisory.tracking_id} not published at the embargo's end: ${error.message}`,
    });
    return false;
  }
}
