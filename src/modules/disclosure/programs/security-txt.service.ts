import type { Actor } from '../../../core/access/index.ts';
import type { AppContext } from '../../../core/context.ts';
import { getInstanceKey } from '../../../core/openpgp/index.ts';
import { programPath } from './programs.presenter.ts';
import { findPublishedProgramRows, type ProgramRow } from './programs.repository.ts';
import { getReadableProgram } from './programs.service.ts';
import { formatSecurityTxt, SecurityTxtError, securityTxtProblem, signSecurityTxt } from './security-txt.ts';

const DAY = 86_400_000;
/** security.txt lists this many programs at most; the rest are found from the programs page. */
const MAX_LISTED = 50;

function keyUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/api/v1/disclosure-programs/${id}/openpgp.asc`;
}

function fieldsOf(publicUrl: string, rows: readonly ProgramRow[], expires: Date) {
  const languages = [...new Set(rows.flatMap((row) => JSON.parse(row.languages) as string[]))];
  return {
    contact: rows.map((row) => `${publicUrl}${programPath(row.id)}`),
    expires,
    encryption: rows.filter((row) => row.openpgp_key).map((row) => keyUrl(publicUrl, row.id)),
    policy: rows.map((row) => `${publicUrl}${programPath(row.id)}`),
    ...(languages.length > 0 ? { preferredLanguages: languages } : {}),
  };
}

// Signing costs a few milliseconds and the answer changes only with the programs, so one signed text is kept
// per process for an hour and rebuilt at once when any published program changed (or two days before expiry).
let cached: { stamp: string; text: string; builtAt: number } | undefined;

/** The instance's security.txt, cleartext-signed with the instance key; undefined when no program is published. */
export async function instanceSecurityTxt(ctx: AppContext): Promise<string | undefined> {
  const rows = await findPublishedProgramRows(ctx.db, MAX_LISTED);
  if (rows.length === 0) return undefined;
  const stamp = rows.map((row) => `${row.id}@${row.updated_at}`).join(',');
  const now = Date.now();
  if (cached && cached.stamp === stamp && now - cached.builtAt < 3_600_000) return cached.text;
  const publicUrl = ctx.config.publicUrl;
  let text: string;
  try {
    text = formatSecurityTxt({
      ...fieldsOf(publicUrl, rows, new Date(now + 30 * DAY)),
      canonical: [`${publicUrl}/.well-known/security.txt`],
      // CSAF tools look here for the provider metadata of the instance's advisories.
      csaf: [`${publicUrl}/.well-known/csaf/provider-metadata.json`],
    });
  } catch (error) {
    // RFC 9116 wants https: an instance served over plain http (off this machine) publishes no security.txt.
    if (error instanceof SecurityTxtError) {
      ctx.log.warn({ reason: error.reason }, 'security.txt not served: %s', error.message);
      return undefined;
    }
    throw error;
  }
  const key = await getInstanceKey(ctx.db, { publicUrl });
  const signed = await signSecurityTxt(text, key.privateKey);
  cached = { stamp, text: signed, builtAt: now };
  return signed;
}

/** An unsigned security.txt pointing to one program, for its organization to serve on its own domain. */
export async function programSecurityTxt(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  const row = await getReadableProgram(ctx, actor, id);
  try {
    return formatSecurityTxt(fieldsOf(ctx.config.publicUrl, [row], new Date(Date.now() + 180 * DAY)));
  } catch (error) {
    if (error instanceof SecurityTxtError) throw securityTxtProblem(error);
    throw error;
  }
}
