import { addMember, createUser } from '../../../test/factories.ts';
import type { Db } from '../../core/db/database.ts';
import { newId, nowIso } from '../../core/db/ids.ts';
import type { PocRole } from '../contacts/index.ts';

/** A POC entry straight into the database, with a holder account made for it unless one is given. */
export async function createPoc(
  db: Db,
  fields: {
    orgId: string;
    role?: PocRole;
    name?: string;
    email?: string;
    languages?: string[];
    userId?: string;
    removedAt?: string | null;
  },
) {
  const id = newId('poc');
  let userId = fields.userId;
  if (userId === undefined) {
    // A holder is a member of the organization, as the directory requires of a nomination.
    userId = (await createUser(db)).id;
    await addMember(db, fields.orgId, userId);
  }
  const now = nowIso();
  const email = fields.email ?? `${id}@poc.example.test`;
  await db
    .insertInto('poc_entries')
    .values({
      id,
      org_id: fields.orgId,
      user_id: userId,
      role: fields.role ?? 'technical',
      name: fields.name ?? `POC ${id.slice(-6)}`,
      email,
      phone: null,
      hotline: null,
      messenger: null,
      languages: JSON.stringify(fields.languages ?? ['en']),
      time_zone: 'UTC',
      working_hours: null,
      openpgp_key: null,
      openpgp_fingerprint: null,
      openpgp_expires_at: null,
      services: JSON.stringify(['incident_coordination']),
      nominated_by: userId,
      confirmed_at: now,
      valid_until: new Date(Date.now() + 180 * 86_400_000).toISOString(),
      reminder_sent_at: null,
      expiry_escalated_at: null,
      created_at: now,
      updated_at: now,
      removed_at: fields.removedAt ?? null,
    })
    .execute();
  return { id, email, userId };
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const unfolded = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < unfolded.length; i++) {
    const char = unfolded[i]!;
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(unfolded.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(unfolded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(char.charCodeAt(0));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words, adjacent ones joined before decoding so a character split across them survives. */
function decodeHeaderValue(value: string): string {
  const parts: { isEncoded: boolean; bytes: Buffer }[] = [];
  const pattern = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=|([^=]+|=)/g;
  for (const match of value.matchAll(pattern)) {
    if (match[3] !== undefined) {
      const bytes =
        match[2]!.toUpperCase() === 'B'
          ? Buffer.from(match[3], 'base64')
          : decodeQuotedPrintable(match[3].replace(/_/g, ' '));
      parts.push({ isEncoded: true, bytes });
    } else {
      parts.push({ isEncoded: false, bytes: Buffer.from(match[4]!, 'utf8') });
    }
  }
  // Whitespace between two encoded words is not part of the text.
  const kept = parts.filter(
    (part, i) =>
      part.isEncoded ||
      !/^\s*$/.test(part.bytes.toString()) ||
      !(parts[i - 1]?.isEncoded && parts[i + 1]?.isEncoded),
  );
  return Buffer.concat(kept.map((part) => part.bytes)).toString('utf8');
}

/** The recipient, subject and text of a captured single-part message. */
export function readMail(raw: string): { to: string; subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body).toString('utf8')
        : body;
  return {
    to: header('To'),
    subject: decodeHeaderValue(header('Subject')),
    text: text.replace(/\r\n/g, '\n'),
  };
}

/** The token of the acknowledge link in a mail's text. */
export function tokenOf(text: string): string {
  const match = /\/checks\/acknowledge#token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no acknowledge link in:\n${text}`);
  return match[1]!;
}
