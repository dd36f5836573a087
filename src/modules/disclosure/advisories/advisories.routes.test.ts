import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createUser } from '../../../../test/factories.ts';
import { createTestApp, signIn, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { validateCsaf } from '../csaf/index.ts';
import { createDisclosureCast, createProgram, type DisclosureCast, reportContent } from '../test-support.ts';

const DAY = 86_400_000;

describeEachDialect('disclosure: advisories, CSAF and the provider directory', (dialect) => {
  let t: TestApp;
  let cast: DisclosureCast;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  let report: { id: string; reporterToken: string };
  let caseId: string;
  let vendorToken: string;
  let advisoryId: string;
  let trackingId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createDisclosureCast(t);
    const second = await createUser(t.database.db);
    await addMember(t.database.db, cast.vendor.orgId, second.id);
    reviewer = await signIn(t.app, second.email);
    const program = await createProgram(cast.vendor.admin.client, cast.vendor.orgId);
    report = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/vulnerability-reports',
        payload: {
          programId: program.id,
          content: reportContent(),
          credit: 'name',
          creditName: 'Ada Researcher',
        },
      })
    ).json();
    const coordinator = cast.vendor.analyst.client;
    await coordinator.request({
      method: 'PATCH',
      url: `/api/v1/vulnerability-reports/${report.id}`,
      payload: {
        cvssV3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        cvssV4Vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
        cweIds: ['CWE-287'],
      },
    });
    const table = (await t.app.inject({ method: 'GET', url: '/api/v1/disclosure/ssvc/triage' })).json();
    await coordinator.request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${report.id}/ssvc-decisions`,
      payload: {
        kind: 'triage',
        inputs: table.rows.find((row: { outcome: string }) => row.outcome === 'C').inputs,
        rationale: '',
      },
    });
    caseId = (
      await coordinator.request({
        method: 'POST',
        url: `/api/v1/vulnerability-reports/${report.id}/case`,
        payload: {
          title: 'Authentication bypass in RT-1000',
          summary: 'Cookie skips the admin check.',
          targetDays: 90,
        },
      })
    ).json().id;
    const invite = async (payload: Record<string, unknown>) =>
      (
        await coordinator.request({
          method: 'POST',
          url: `/api/v1/disclosure-cases/${caseId}/participants`,
          payload,
        })
      ).json();
    const fixedVendor = await invite({
      role: 'vendor',
      name: 'Acme Firmware Team',
      email: 'fw@acme.example',
      products: [
        { product: 'RT-1000', version: '2.4.1' },
        { product: 'RT-2000', version: '1.0' },
      ],
    });
    vendorToken = new URLSearchParams(new URL(fixedVendor.inviteUrl).hash.slice(1)).get('token') as string;
    await invite({
      role: 'vendor',
      name: 'Silent Modem Co',
      email: 'nobody@silent.example',
      products: [{ product: 'M-1', version: '3' }],
    });
    const view = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/disclosure-cases/${caseId}`,
        headers: { 'x-participant-token': vendorToken },
      })
    ).json();
    const [rt1000, rt2000] = view.participants.find(
      (p: { role: string; name: string }) => p.name === 'Acme Firmware Team',
    ).products;
    const setStatus = (productId: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/disclosure-cases/${caseId}/products/${productId}/status`,
        headers: { 'x-participant-token': vendorToken },
        payload,
      });
    await setStatus(rt1000.id, { status: 'fixed', remediation: 'Update to firmware 2.4.2.' });
    await setStatus(rt2000.id, { status: 'not_affected', justification: 'vulnerable_code_not_present' });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/statements`,
      headers: { 'x-participant-token': vendorToken },
      payload: { body: 'Acme thanks the reporter; firmware 2.4.2 fixes it.' },
    });
    const submitted = (
      await coordinator.request({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })
    )
      .json()
      .participants.flatMap((p: { statements: { id: string }[] | null }) => p.statements ?? []);
    await coordinator.request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/statements/${submitted[0].id}/review`,
      payload: { decision: 'approve' },
    });
    await coordinator.request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/embargo`,
      payload: { endsAt: new Date(Date.now() + 20 * DAY).toISOString(), reason: 'Fixes ship first.' },
    });
    await coordinator.request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/embargo/transitions`,
      payload: { action: 'activate' },
    });
  });
  afterAll(() => t.close());

  const coordinator = () => cast.vendor.analyst.client;
  const anonymous = (url: string) => t.app.inject({ method: 'GET', url });

  it('drafts an advisory with a tracking id, readable by the case and hidden from everyone else', async () => {
    const response = await coordinator().request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/advisory`,
      payload: {
        title: 'Acme RT-1000: authentication bypass in the admin interface',
        summary: 'A crafted cookie lets an attacker on the network skip the password check of /admin.',
        details: 'Firmware 2.3.0 to 2.4.1 are affected.',
        remediation: 'Update to firmware 2.4.2.',
        references: [{ url: 'https://acme.example/security/rt-1000', summary: 'Vendor notice' }],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const advisory = response.json();
    advisoryId = advisory.id;
    trackingId = advisory.trackingId;
    expect(trackingId).toMatch(new RegExp(`^CG-${new Date().getUTCFullYear()}-0001$`));
    expect(advisory).toMatchObject({ status: 'draft', tlp: 'CLEAR', canEdit: true, canReview: false });

    expect((await anonymous(`/api/v1/advisories/${advisoryId}`)).statusCode).toBe(404);
    expect(
      (await cast.other.admin.client.request({ method: 'GET', url: `/api/v1/advisories/${advisoryId}` }))
        .statusCode,
    ).toBe(404);
    const byVendor = await t.app.inject({
      method: 'GET',
      url: `/api/v1/advisories/${advisoryId}`,
      headers: { 'x-participant-token': vendorToken },
    });
    expect(byVendor.statusCode).toBe(200);
    expect(byVendor.json()).toMatchObject({ canEdit: false, products: [] });

    const validation = await coordinator().request({
      method: 'GET',
      url: `/api/v1/advisories/${advisoryId}/validation`,
    });
    expect(validation.json(), validation.body).toMatchObject({ isValid: true, errors: [] });
    const draft = await coordinator().request({
      method: 'GET',
      url: `/api/v1/advisories/${advisoryId}/csaf`,
    });
    expect(draft.json().document.tracking.status).toBe('draft');
    expect((await anonymous(`/api/v1/advisories/${advisoryId}/csaf`)).statusCode).toBe(404);
  });

  it('needs a second coordinator to approve, and waits for the embargo to exit before publishing', async () => {
    const early = await coordinator().request({
      method: 'POST',
      url: `/api/v1/advisories/${advisoryId}/publication`,
    });
    expect(early.json().code).toBe('invalid_transition');
    await coordinator().request({ method: 'POST', url: `/api/v1/advisories/${advisoryId}/review-requests` });
    const own = await coordinator().request({
      method: 'POST',
      url: `/api/v1/advisories/${advisoryId}/reviews`,
      payload: { decision: 'approve' },
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('review_by_author');
    const approved = await reviewer.request({
      method: 'POST',
      url: `/api/v1/advisories/${advisoryId}/reviews`,
      payload: { decision: 'approve', note: 'Reads well.' },
    });
    expect(approved.json()).toMatchObject({ status: 'approved' });

    const scheduled = await coordinator().request({
      method: 'POST',
      url: `/api/v1/advisories/${advisoryId}/publication`,
    });
    expect(scheduled.json()).toMatchObject({
      status: 'approved',
      publishOnEmbargoExit: true,
      publishedAt: null,
    });
    expect((await anonymous(`/api/v1/advisories/${advisoryId}`)).statusCode).toBe(404);

    const exit = await coordinator().request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/embargo/transitions`,
      payload: { action: 'exit', note: 'Fixes are out.' },
    });
    expect(exit.statusCode, exit.body).toBe(200);
    expect(exit.json().publishedAt).not.toBeNull();

    const published = await anonymous(`/api/v1/advisories/${advisoryId}`);
    expect(published.statusCode).toBe(200);
    expect(published.json().current).toMatchObject({ authorName: '', reviewerName: null, reviewNote: null });
    expect(published.json()).toMatchObject({
      status: 'published',
      versions: [{ number: '1' }],
      credit: 'Ada Researcher',
      cweIds: ['CWE-287'],
      statements: [
        { vendor: 'Acme Firmware Team', body: 'Acme thanks the reporter; firmware 2.4.2 fixes it.' },
      ],
    });
    expect(
      published.json().products.map((p: { vendor: string; status: string }) => [p.vendor, p.status]),
    ).toEqual([
      ['Acme Firmware Team', 'fixed'],
      ['Acme Firmware Team', 'not_affected'],
      ['Silent Modem Co', 'no_response'],
    ]);
  });

  it('serves the published CSAF documents, valid, byte for byte as hashed and signed', async () => {
    const csaf = await anonymous(`/api/v1/advisories/${advisoryId}/csaf`);
    expect(csaf.statusCode).toBe(200);
    const document = csaf.json();
    expect(document.document.tracking).toMatchObject({ id: trackingId, status: 'final', version: '1' });
    expect(document.document.category).toBe('csaf_security_advisory');
    expect(JSON.stringify(document)).toContain(
      'No answer had been received by publication from: Silent Modem Co.',
    );
    expect(JSON.stringify(document.product_tree)).not.toContain('M-1');
    expect(document.document.acknowledgments[0].names).toEqual(['Ada Researcher']);
    const verdict = await validateCsaf(document);
    expect(verdict.errors).toEqual([]);
    const vex = await anonymous(`/api/v1/advisories/${advisoryId}/csaf?profile=vex`);
    expect(vex.json().document.category).toBe('csaf_vex');
    expect((await validateCsaf(vex.json(), { optional: false })).errors).toEqual([]);

    const metadata = await anonymous('/.well-known/csaf/provider-metadata.json');
    expect(metadata.statusCode).toBe(200);
    expect(metadata.json()).toMatchObject({
      canonical_url: 'http://localhost:8080/.well-known/csaf/provider-metadata.json',
      distributions: [{ directory_url: 'http://localhost:8080/.well-known/csaf/white/' }],
      role: 'csaf_trusted_provider',
    });
    const year = String(new Date().getUTCFullYear());
    const fileName = `${trackingId.toLowerCase()}.json`;
    const index = await anonymous('/.well-known/csaf/white/index.txt');
    expect(index.body).toBe(`${year}/${fileName}\n`);
    expect((await anonymous('/.well-known/csaf/white/changes.csv')).body).toMatch(
      new RegExp(`^"${year}/${fileName}","\\d{4}-`),
    );
    expect((await anonymous('/.well-known/csaf/white/')).body).toContain(`href="${year}/"`);
    expect((await anonymous(`/.well-known/csaf/white/${year}/`)).body).toContain(`href="${fileName}.asc"`);
    const served = await anonymous(`/.well-known/csaf/white/${year}/${fileName}`);
    expect(served.body).toBe(csaf.body);
    const sha256 = await anonymous(`/.well-known/csaf/white/${year}/${fileName}.sha256`);
    expect(sha256.body).toBe(
      `${createHash('sha256').update(served.rawPayload).digest('hex')}  ${fileName}\n`,
    );
    const keyUrl = metadata.json().public_openpgp_keys[0].url.replace('http://localhost:8080', '');
    const key = await openpgp.readKey({ armoredKey: (await anonymous(keyUrl)).body });
    const signature = await anonymous(`/.well-known/csaf/white/${year}/${fileName}.asc`);
    const verified = await openpgp.verify({
      message: await openpgp.createMessage({ binary: new Uint8Array(served.rawPayload) }),
      signature: await openpgp.readSignature({ armoredSignature: signature.body }),
      verificationKeys: key,
    });
    await expect(verified.signatures[0]?.verified).resolves.toBe(true);
    expect((await anonymous(`/.well-known/csaf/white/${year}/cg-0000-9999.json`)).statusCode).toBe(404);

    const feed = await anonymous('/api/v1/advisories/feed.atom');
    expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(feed.body).toContain(trackingId);

    // The case stays with its participants; the statistics are public.
    expect((await anonymous(`/api/v1/disclosure-cases/${caseId}`)).statusCode).toBe(404);
    const caseView = (
      await coordinator().request({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })
    ).json();
    const stats = (await anonymous(`/api/v1/disclosure-programs/${caseView.programId}/statistics`)).json();
    expect(stats).toMatchObject({
      reportsReceived: 1,
      advisoriesPublished: 1,
      resolved: 1,
      ssvcTriageOutcomes: { C: 1 },
    });
    expect(stats.medianDaysToFixOrAdvisory).toBeGreaterThanOrEqual(0);
  });

  it('keeps an advisory labelled other than CLEAR off the public page, the list and the CSAF directory', async () => {
    const setTlp = (tlp: string) =>
      t.database.db.updateTable('disclosure_advisories').set({ tlp }).where('id', '=', advisoryId).execute();
    await setTlp('AMBER');
    try {
      expect((await anonymous(`/api/v1/advisories/${advisoryId}`)).statusCode).toBe(404);
      expect((await anonymous(`/api/v1/advisories/${advisoryId}/csaf`)).statusCode).toBe(404);
      expect((await anonymous('/api/v1/advisories')).json().items).toEqual([]);
      expect((await anonymous('/.well-known/csaf/white/index.txt')).body).toBe('');
      const year = String(new Date().getUTCFullYear());
      expect(
        (await anonymous(`/.well-known/csaf/white/${year}/${trackingId.toLowerCase()}.json`)).statusCode,
      ).toBe(404);
      // The case's own participants still read it.
      const byVendor = await t.app.inject({
        method: 'GET',
        url: `/api/v1/advisories/${advisoryId}`,
        headers: { 'x-participant-token': vendorToken },
      });
      expect(byVendor.statusCode).toBe(200);
    } finally {
      await setTlp('CLEAR');
    }
  });

  it('shows the reporter the outcome through the secret link', async () => {
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/v1/vulnerability-reports/${report.id}`,
      headers: { 'x-reporter-token': report.reporterToken },
    });
    expect(view.json()).toMatchObject({
      caseId,
      advisory: { id: advisoryId, trackingId, url: `http://localhost:8080/advisories/${advisoryId}` },
    });
  });

  it('publishes a reviewed update as version 2 with its revision history', async () => {
    await coordinator().request({
      method: 'POST',
      url: `/api/v1/advisories/${advisoryId}/revisions`,
      payload: {
        changeNote: 'Added the RT-3000.',
        details: 'Firmware 2.3.0 to 2.4.1 are affected; RT-3000 too.',
      },
    });
    expect((await anonymous(`/api/v1/advisories/${advisoryId}`)).json().current.changeNote).toBe(
      'First draft.',
    );
    await coordinator().request({ method: 'POST', url: `/api/v1/advisories/${advisoryId}/review-requests` });
    await reviewer.request({
      method: 'POST',
      url: `/api/v1/advisories/${advisoryId}/reviews`,
      payload: { decision: 'approve' },
    });
    // While version 2 waits, readers keep version 1: its page, its document, its place in the directory.
    const meanwhile = await anonymous(`/api/v1/advisories/${advisoryId}`);
    expect(meanwhile.statusCode).toBe(200);
    expect(meanwhile.json()).toMatchObject({ status: 'approved', current: { changeNote: 'First draft.' } });
    expect((await anonymous(`/api/v1/advisories/${advisoryId}/csaf`)).json().document.tracking.version).toBe(
      '1',
    );
    expect((await anonymous('/.well-known/csaf/white/index.txt')).body).toContain(trackingId.toLowerCase());
    expect((await anonymous('/api/v1/advisories')).json().items.map((i: { id: string }) => i.id)).toContain(
      advisoryId,
    );
    const republished = await coordinator().request({
      method: 'POST',
      url: `/api/v1/advisories/${advisoryId}/publication`,
    });
    expect(republished.json().versions.map((v: { number: string }) => v.number)).toEqual(['1', '2']);
    const document = (await anonymous(`/api/v1/advisories/${advisoryId}/csaf`)).json();
    expect(document.document.tracking.version).toBe('2');
    expect(document.document.tracking.revision_history.map((r: { summary: string }) => r.summary)).toEqual([
      'First draft.',
      'Added the RT-3000.',
    ]);
    expect((await validateCsaf(document)).errors).toEqual([]);
  });
});
