import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import { type Client, signIn, type TestApp } from '../../../test/harness/app.ts';

/** The cast of a participation test: the secretariat, two States, stakeholders and an outsider. */
export interface Cast {
  secretariat: Client;
  stateA: { orgId: string; admin: Client; userId: string };
  stateB: { orgId: string; admin: Client; userId: string };
  civilSociety: { orgId: string; admin: Client; member: Client; userId: string };
  academia: { orgId: string; admin: Client; userId: string };
  unverified: { orgId: string; admin: Client };
  outsider: Client;
}

async function orgWithAdmin(t: TestApp, fields: Parameters<typeof createOrganization>[1]) {
  const org = await createOrganization(t.database.db, fields);
  const user = await createUser(t.database.db);
  await addMember(t.database.db, org.id, user.id, 'org_admin');
  return { orgId: org.id, userId: user.id, admin: await signIn(t.app, user.email) };
}

export async function createCast(t: TestApp): Promise<Cast> {
  const secretariatUser = await createUser(t.database.db, { isPlatformAdmin: true });
  const civilSociety = await orgWithAdmin(t, { name: 'Digital Peace Civil Society', kind: 'civil_society' });
  const memberUser = await createUser(t.database.db);
  await addMember(t.database.db, civilSociety.orgId, memberUser.id, 'member');
  const outsiderUser = await createUser(t.database.db);
  return {
    secretariat: await signIn(t.app, secretariatUser.email, { withTotp: true }),
    stateA: await orgWithAdmin(t, { name: 'Republic of Kenya', kind: 'state', countryCode: 'KE' }),
    stateB: await orgWithAdmin(t, { name: 'Republic of Chile', kind: 'state', countryCode: 'CL' }),
    civilSociety: { ...civilSociety, member: await signIn(t.app, memberUser.email) },
    academia: await orgWithAdmin(t, { name: 'University of Geneva', kind: 'academia', countryCode: 'CH' }),
    unverified: await orgWithAdmin(t, {
      name: 'Unverified Institute',
      kind: 'civil_society',
      verificationStatus: 'unverified',
    }),
    outsider: await signIn(t.app, outsiderUser.email),
  };
}

export async function createProcess(client: Client, objectionPeriodDays = 10): Promise<string> {
  const response = await client.request({
    method: 'POST',
    url: '/api/v1/participation/processes',
    payload: {
      title: 'Global Mechanism 2026–2030',
      modalities:
        'Organizations with ECOSOC status take part on confirmation; others on a non-objection basis.',
      objectionPeriodDays,
    },
  });
  if (response.statusCode !== 201) throw new Error(`process: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

/** Ends an application's objection period now, as if the days had passed. */
export async function endObjectionPeriod(t: TestApp, applicationId: string): Promise<void> {
  await t.database.db
    .updateTable('accreditation_applications')
    .set({ circulation_ends_at: new Date(Date.now() - 1000).toISOString() })
    .where('id', '=', applicationId)
    .execute();
}

/** A small, valid one-page PDF whose text is the given lines (Helvetica, so Latin-1 text only). */
export function makePdf(lines: string[]): Buffer {
  const escapePdfText = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((line) => `(${escapePdfText(line)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
