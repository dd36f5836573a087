import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import { type Client, signIn, type TestApp } from '../../../test/harness/app.ts';
import type { TlpLabel } from '../../core/access/tlp.ts';
import { tlpDefinition } from '../../core/access/tlp.ts';
import type { Visibility } from '../../core/access/visibility.ts';
import type { Db } from '../../core/db/database.ts';
import { nowIso } from '../../core/db/ids.ts';
import type { OrgRole } from '../../core/orgs/kinds.ts';

/** What tests of the sharing module share: STIX objects, collections, organizations with tokens. */

export const TAXII = 'application/taxii+json;version=2.1';
export const API_ROOT = '/taxii2/api';

export function basicAuth(token: string, user = 'taxii-client'): string {
  return `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
}

/** A valid STIX 2.1 indicator, optionally TLP-marked; `modified` picks the version. */
export function indicator(
  fields: { id?: string; tlp?: TlpLabel; modified?: string; name?: string } = {},
): Record<string, unknown> {
  const created = '2026-01-01T00:00:00.000Z';
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: fields.id ?? `indicator--${randomUUID()}`,
    created,
    modified: fields.modified ?? created,
    name: fields.name ?? 'Known bad address',
    pattern: "[ipv4-addr:value = '198.51.100.7']",
    pattern_type: 'stix',
    valid_from: created,
    ...(fields.tlp ? { object_marking_refs: [tlpDefinition(fields.tlp).stixId] } : {}),
  };
}

export interface CollectionFields {
  ownerOrgId?: string | null;
  visibility?: Visibility;
  memberOrgIds?: string[];
  writerOrgIds?: string[];
  defaultTlp?: TlpLabel;
  title?: string;
}

/** A collection straight into the database (the management API has its own tests). */
export async function createCollection(db: Db, fields: CollectionFields = {}): Promise<string> {
  const id = randomUUID();
  const now = nowIso();
  await db
    .insertInto('sharing_collections')
    .values({
      id,
      instance_key: null,
      alias: null,
      title: fields.title ?? `Collection ${id.slice(0, 8)}`,
      description: 'For tests',
      owner_org_id: fields.ownerOrgId ?? null,
      visibility: fields.visibility ?? 'community',
      member_org_ids: JSON.stringify(fields.memberOrgIds ?? []),
      writer_org_ids: JSON.stringify(fields.writerOrgIds ?? []),
      default_tlp: fields.defaultTlp ?? 'TLP:GREEN',
      last_date_added: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      retired_at: null,
    })
    .execute();
  return id;
}

export interface Member {
  userId: string;
  email: string;
  client: Client;
  /** An API token of this member for the organization. */
  token: string;
}

export interface TestOrg {
  orgId: string;
  admin: Member;
  member: Member;
}

async function tokenOf(client: Client, organizationId: string): Promise<string> {
  const created = await client.request({
    method: 'POST',
    url: '/api/v1/me/api-tokens',
    payload: { name: 'taxii', organizationId, expiresInDays: 30 },
  });
  if (created.statusCode !== 201) throw new Error(`token: ${created.statusCode} ${created.body}`);
  return (created.json() as { token: string }).token;
}

export async function createMember(t: TestApp, orgId: string, role: OrgRole = 'member'): Promise<Member> {
  const user = await createUser(t.database.db);
  await addMember(t.database.db, orgId, user.id, role);
  const client = await signIn(t.app, user.email);
  return { userId: user.id, email: user.email, client, token: await tokenOf(client, orgId) };
}

/** An organization with an admin and a member, each holding a token. */
export async function createTestOrg(
  t: TestApp,
  fields: { verified?: boolean; name?: string } = {},
): Promise<TestOrg> {
  const { id } = await createOrganization(t.database.db, {
    verificationStatus: fields.verified === false ? 'unverified' : 'verified',
    ...(fields.name ? { name: fields.name } : {}),
  });
  return { orgId: id, admin: await createMember(t, id, 'org_admin'), member: await createMember(t, id) };
}

/** A TAXII request with a token as the Basic password (what TAXII clients send). */
export function taxii(
  t: TestApp,
  token: string | null,
  options: InjectOptions & { url: string },
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {
    accept: TAXII,
    ...(token ? { authorization: basicAuth(token) } : {}),
  };
  return t.app.inject({
    ...options,
    headers: { ...headers, ...(options.headers as Record<string, string>) },
  });
}

export function postEnvelope(t: TestApp, token: string | null, collectionId: string, objects: unknown[]) {
  return taxii(t, token, {
    method: 'POST',
    url: `${API_ROOT}/collections/${collectionId}/objects/`,
    headers: { 'content-type': TAXII },
    payload: JSON.stringify({ objects }),
  });
}
