import * as openpgp from 'openpgp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateRecipientKey } from '../../../../test/fixtures/openpgp.ts';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { createDisclosureCast, createProgram, type DisclosureCast, programBody } from '../test-support.ts';

describeEachDialect('disclosure: programs and security.txt', (dialect) => {
  let t: TestApp;
  let cast: DisclosureCast;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createDisclosureCast(t);
  });
  afterAll(() => t.close());

  const anonymous = (url: string) => t.app.inject({ method: 'GET', url });

  it('has no security.txt before any program is published', async () => {
    expect((await anonymous('/.well-known/security.txt')).statusCode).toBe(404);
  });

  it('lets an admin of a verified organization publish a program with a key, and generates its policy', async () => {
    const key = await generateRecipientKey('psirt@acme.example');
    const response = await cast.vendor.admin.client.request({
      method: 'POST',
      url: '/api/v1/disclosure-programs',
      payload: programBody(cast.vendor.orgId, { openpgpKey: key.publicArmored, languages: ['EN', 'fr-ca'] }),
    });
    expect(response.statusCode, response.body).toBe(201);
    const program = response.json();
    expect(program).toMatchObject({
      id: expect.stringMatching(/^vdp_/),
      orgName: 'Acme Routers PSIRT',
      status: 'published',
      isStateProgram: false,
      languages: ['en', 'fr-CA'],
      responseTargets: { acknowledgeDays: 3, triageDays: 10, resolveDays: 90 },
      openpgp: { fingerprint: key.fingerprint },
      reportUrl: `http://localhost:8080/disclose/${program.id}`,
      canManage: true,
      canTriage: true,
    });
    // Scope lines are the organization's words, escaped so they cannot add Markdown of their own.
    expect(program.policyText).toContain('Acme RT\\-1000 router firmware');
    expect(program.policyText).toContain('90');
    const french = await anonymous(`/api/v1/disclosure-programs/${program.id}?lang=fr`);
    expect(french.json().policyLanguage).toBe('fr');
    expect(french.json().policyText).not.toBe(program.policyText);
    expect(french.json()).toMatchObject({ canManage: false, canTriage: false });

    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', program.id)
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['disclosure_program.published']);

    const keyFile = await anonymous(`/api/v1/disclosure-programs/${program.id}/openpgp.asc`);
    expect(keyFile.headers['content-type']).toBe('application/pgp-keys');
    expect((await openpgp.readKey({ armoredKey: keyFile.body })).getFingerprint().toUpperCase()).toBe(
      key.fingerprint,
    );
  });

  it('serves a signed security.txt pointing to the published programs', async () => {
    const response = await anonymous('/.well-known/security.txt');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.body;
    expect(text).toContain('-----BEGIN PGP SIGNED MESSAGE-----');
    expect(text).toMatch(/Contact: http:\/\/localhost:8080\/disclose\/vdp_/);
    expect(text).toMatch(/Expires: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
    expect(text).toContain('Canonical: http://localhost:8080/.well-known/security.txt');
    expect(text).toContain('CSAF: http://localhost:8080/.well-known/csaf/provider-metadata.json');
    expect(text).toMatch(
      /Encryption: http:\/\/localhost:8080\/api\/v1\/disclosure-programs\/vdp_\w+\/openpgp\.asc/,
    );
    const instanceKey = await anonymous('/.well-known/commonground/openpgp.asc');
    const verified = await openpgp.verify({
      message: await openpgp.readCleartextMessage({ cleartextMessage: text }),
      verificationKeys: await openpgp.readKey({ armoredKey: instanceKey.body }),
    });
    await expect(verified.signatures[0]?.verified).resolves.toBe(true);
  });

  it('keeps drafts to their organization and refuses others the management of a program', async () => {
    const draft = await createProgram(cast.vendor.admin.client, cast.vendor.orgId, {
      name: 'Draft program',
      publish: false,
    });
    expect((await anonymous(`/api/v1/disclosure-programs/${draft.id}`)).statusCode).toBe(404);
    expect(
      (
        await cast.other.admin.client.request({
          method: 'GET',
          url: `/api/v1/disclosure-programs/${draft.id}`,
        })
      ).statusCode,
    ).toBe(404);
    const own = await cast.vendor.analyst.client.request({
      method: 'GET',
      url: `/api/v1/disclosure-programs/${draft.id}`,
    });
    expect(own.json()).toMatchObject({ status: 'draft', canManage: false, canTriage: true });

    const list = await anonymous('/api/v1/disclosure-programs');
    expect(list.json().items.map((p: { name: string }) => p.name)).not.toContain('Draft program');
    const ownList = await cast.vendor.analyst.client.request({
      method: 'GET',
      url: '/api/v1/disclosure-programs',
    });
    expect(ownList.json().items.map((p: { name: string }) => p.name)).toContain('Draft program');

    // An analyst (not an admin) and another organization's admin may not create or edit.
    for (const client of [cast.vendor.analyst.client, cast.other.admin.client]) {
      const created = await client.request({
        method: 'POST',
        url: '/api/v1/disclosure-programs',
        payload: programBody(cast.vendor.orgId),
      });
      expect(created.statusCode).toBe(403);
    }
    const edit = await cast.vendor.analyst.client.request({
      method: 'PATCH',
      url: `/api/v1/disclosure-programs/${draft.id}`,
      payload: { name: 'Renamed' },
    });
    expect(edit.statusCode).toBe(403);
    const anonymousCreate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/disclosure-programs',
      payload: programBody(cast.vendor.orgId),
    });
    expect(anonymousCreate.statusCode).toBe(401);
  });

  it('publishes, retires and republishes, and refuses a wrong transition with 409', async () => {
    const program = await createProgram(cast.vendor.admin.client, cast.vendor.orgId, { publish: false });
    const patch = (payload: Record<string, unknown>) =>
      cast.vendor.admin.client.request({
        method: 'PATCH',
        url: `/api/v1/disclosure-programs/${program.id}`,
        payload,
      });
    expect((await patch({ status: 'retired' })).statusCode).toBe(409);
    const published = await patch({ status: 'published', disclosureDays: 45 });
    expect(published.json()).toMatchObject({ status: 'published', disclosureDays: 45 });
    expect(published.json().publishedAt).not.toBeNull();
    expect((await patch({ status: 'retired' })).json().status).toBe('retired');
    expect((await anonymous(`/api/v1/disclosure-programs/${program.id}`)).statusCode).toBe(404);
    expect((await patch({ status: 'published' })).json().status).toBe('published');
  });

  it('refuses bad input with problem details and changes nothing', async () => {
    const before = await t.database.db.selectFrom('disclosure_programs').select('id').execute();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ openpgpKey: 'not a key' }, 422, 'invalid_openpgp_key'],
      [{ languages: ['english!'] }, 400, 'validation_failed'],
      [{ languages: ['xx-private-use-thing-long'] }, 422, 'invalid_language_tag'],
      [{ disclosureDays: 30 }, 400, 'validation_failed'],
      [{ scopeIn: [] }, 400, 'validation_failed'],
      [{ scopeIn: ['line\nbreak'] }, 400, 'validation_failed'],
      [{ safeHarbor: 'maybe' }, 400, 'validation_failed'],
      [{ orgId: 'org_missing' }, 404, 'not_found'],
      [{ name: 'Bell \u0007 program' }, 422, 'invalid_program_terms'],
      [{ scopeIn: ['tab\u000bseparated'] }, 422, 'invalid_program_terms'],
    ];
    for (const [overrides, status, code] of cases) {
      const response = await cast.vendor.admin.client.request({
        method: 'POST',
        url: '/api/v1/disclosure-programs',
        payload: programBody(cast.vendor.orgId, overrides),
      });
      expect(response.statusCode, JSON.stringify(overrides)).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toBe(code);
    }
    const after = await t.database.db.selectFrom('disclosure_programs').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('writes the policy of an organization whose name holds a line break, as one line', async () => {
    await t.database.db
      .updateTable('organizations')
      .set({ name: 'Acme Routers\u2028PSIRT' })
      .where('id', '=', cast.vendor.orgId)
      .execute();
    try {
      const program = await createProgram(cast.vendor.admin.client, cast.vendor.orgId);
      const page = await anonymous(`/api/v1/disclosure-programs/${program.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.json().policyText).toContain('Acme Routers PSIRT');
    } finally {
      await t.database.db
        .updateTable('organizations')
        .set({ name: 'Acme Routers PSIRT' })
        .where('id', '=', cast.vendor.orgId)
        .execute();
    }
  });

  it('offers a security.txt for the organization to serve on its own domain', async () => {
    const program = await createProgram(cast.vendor.admin.client, cast.vendor.orgId);
    const response = await anonymous(`/api/v1/disclosure-programs/${program.id}/security.txt`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`Contact: http://localhost:8080/disclose/${program.id}`);
    expect(response.body).toContain('Preferred-Languages: en, fr');
    expect(response.body).not.toContain('BEGIN PGP');
  });
});
