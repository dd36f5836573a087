import { TLP_LABELS, type TlpLabel } from '../../../ui/index.ts';
import type { Advisory, AdvisoryProduct, AdvisoryReference, Revision } from './types.ts';

export type Severity = 'none' | 'low' | 'medium' | 'high' | 'critical';

/** The qualitative severity of a CVSS base score; CVSS 3.1 and 4.0 share the same bands. */
export function cvssSeverity(score: number): Severity {
  if (score <= 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/** The TLP 2.0 label of an advisory's `tlp` code (`CLEAR` → `TLP:CLEAR`), or null for an unknown one. */
export function tlpLabelOf(tlp: string): TlpLabel | null {
  const label = `TLP:${tlp}`;
  return (TLP_LABELS as readonly string[]).includes(label) ? (label as TlpLabel) : null;
}

export type VendorGroup = { vendor: string; products: AdvisoryProduct[] };

/** Products grouped by vendor, vendors and products in the order the API gives (by name). */
export function groupByVendor(products: readonly AdvisoryProduct[]): VendorGroup[] {
  const groups = new Map<string, AdvisoryProduct[]>();
  for (const product of products) {
    const list = groups.get(product.vendor);
    if (list) list.push(product);
    else groups.set(product.vendor, [product]);
  }
  return [...groups].map(([vendor, list]) => ({ vendor, products: list }));
}

/** The number of a CWE id, for its page on cwe.mitre.org; null when the id is not `CWE-<digits>`. */
export function cweNumberOf(id: string): string | null {
  return /^CWE-(\d+)$/i.exec(id.trim())?.[1] ?? null;
}

/** The latest revision: the API lists them oldest first and `current` is the latest for the coordinators. */
export function latestRevision(advisory: Advisory): Revision {
  return advisory.revisions[advisory.revisions.length - 1] ?? advisory.current;
}

/**
 * What the coordinators do next, from the advisory's status and its latest revision's review:
 * - `ask_review`: the latest revision is a draft nobody has been asked to review;
 * - `revise`: a reviewer sent it back, so a new revision is due;
 * - `review`: it awaits review and this viewer may review it;
 * - `await_review`: it awaits review by another coordinator (the viewer wrote it);
 * - `publish`: approved, not yet published or scheduled;
 * - `scheduled`: approved and waiting for the case's embargo to exit;
 * - `published`: the latest revision is out; an update starts with a new revision.
 */
export type NextStep =
  | 'ask_review'
  | 'revise'
  | 'review'
  | 'await_review'
  | 'publish'
  | 'scheduled'
  | 'published';

export function nextStepOf(advisory: Advisory): NextStep {
  const latest = latestRevision(advisory);
  if (advisory.status === 'in_review') return advisory.canReview ? 'review' : 'await_review';
  if (advisory.status === 'approved') return advisory.publishOnEmbargoExit ? 'scheduled' : 'publish';
  if (latest.reviewStatus === 'changes_requested') return 'revise';
  if (latest.reviewStatus === 'pending') return 'ask_review';
  return advisory.status === 'published' ? 'published' : 'ask_review';
}

/** References as lines of text, so two revisions' lists can be compared word by word. */
export function referencesAsText(references: readonly AdvisoryReference[]): string {
  return references.map((reference) => `${reference.summary} — ${reference.url}`).join('\n');
}

export type ReferenceRow = { url: string; summary: string };

export type ReferenceProblem = { index: number; field: 'url' | 'summary'; problem: 'required' | 'url' };

/**
 * The references to send: rows left wholly empty are dropped; a half-filled row or an address that is not
 * http(s) is a problem to show beside that row.
 */
export function checkReferences(rows: readonly ReferenceRow[]): {
  references: AdvisoryReference[];
  problems: ReferenceProblem[];
} {
  const references: AdvisoryReference[] = [];
  const problems: ReferenceProblem[] = [];
  rows.forEach((row, index) => {
    const url = row.url.trim();
    const summary = row.summary.trim();
    if (!url && !summary) return;
    if (!url) problems.push({ index, field: 'url', problem: 'required' });
    else if (!/^https?:\/\/\S+$/i.test(url)) problems.push({ index, field: 'url', problem: 'url' });
    if (!summary) problems.push({ index, field: 'summary', problem: 'required' });
    references.push({ url, summary });
  });
  return { references: problems.length > 0 ? [] : references, problems };
}

/** The index of the reference row a server problem points at (`/references/2/url`), else null. */
export function referenceIndexOf(path: string | undefined): number | null {
  const match = /(?:^|[/.])references[/.[](\d+)/.exec(path ?? '');
  return match ? Number(match[1]) : null;
}
