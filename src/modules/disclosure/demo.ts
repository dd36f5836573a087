import type { Config } from '../../config.ts';
import { ANONYMOUS } from '../../core/access/index.ts';
import type { Db, Dialect } from '../../core/db/database.ts';
import { demoActor, demoContext, demoOrgId } from '../demo-support.ts';
import {
  createAdvisory,
  requestPublication,
  requestReview,
  reviewAdvisory,
} from './advisories/advisories.service.ts';
import { getCase, openCase } from './cases/cases.service.ts';
import { proposeEmbargo, transitionEmbargo } from './cases/embargo.service.ts';
import { inviteParticipant } from './cases/participants.service.ts';
import { updateProduct } from './cases/responses.service.ts';
import { createProgram } from './programs/programs.service.ts';
import { createReport } from './reports/reports.service.ts';
import { changeStatus, recordSsvcDecision, updateReport } from './reports/triage.service.ts';
import { describeDecision } from './scoring/index.ts';
import { recordEquities } from './statistics/statistics.ts';

const DAY = 86_400_000;

/**
 * The disclosure part of the demo dataset, made through the module's services: the National CSIRT's
 * coordination program with reports in every state, a multi-vendor case under embargo, a second case whose
 * advisory is published (so the advisory page, the CSAF directory and the feed have something), and a State
 * program with its equities counts.
 */
export async function seedDisclosureDemo(db: Db, dialect: Dialect, config: Config): Promise<void> {
  const ctx = await demoContext(db, dialect, config);
  const csirtAdmin = await demoActor(db, 'admin@national-csirt.demo.invalid', true);
  const csirtAnalyst = await demoActor(db, 'analyst@national-csirt.demo.invalid', true);
  const vendorAdmin = await demoActor(db, 'admin@software-vendor-ltd.demo.invalid', true);
  const chileAdmin = await demoActor(db, 'admin@national-cyber-agency-chile-desk.demo.invalid', true);
  const csirtOrg = await demoOrgId(db, 'Demo National CSIRT');
  const vendorOrg = await demoOrgId(db, 'Demo Software Vendor Ltd.');
  const chileOrg = await demoOrgId(db, 'Demo National Cyber Agency (Chile desk)');

  const terms = {
    safeHarbor: 'full' as const,
    disclosurePolicy: 'coordinated' as const,
    acknowledgeDays: 3,
    triageDays: 10,
    resolveDays: 90,
    acceptsAnonymous: true,
    offersCredit: true,
    openpgpKey: null,
    publish: true,
  };
  const program = await createProgram(ctx, csirtAdmin, {
    ...terms,
    orgId: csirtOrg,
    name: 'Demo National CSIRT coordinated vulnerability disclosure',
    scopeIn: ['Products and services used in the country', 'Vulnerabilities affecting several vendors'],
    scopeOut: ['Denial-of-service testing', 'Social engineering of staff'],
    disclosureDays: 90,
    languages: ['en', 'fr', 'es'],
  });
  await createProgram(ctx, vendorAdmin, {
    ...terms,
    orgId: vendorOrg,
    name: 'Demo Software Vendor PSIRT',
    scopeIn: ['Demo Office Suite', 'Demo Router firmware', 'vendor.demo.invalid'],
    scopeOut: [],
    disclosureDays: 45,
    languages: ['en', 'ja'],
  });
  const stateProgram = await createProgram(ctx, chileAdmin, {
    ...terms,
    orgId: chileOrg,
    name: 'Demo government networks and systems',
    scopeIn: ['Government web portals (*.gob.demo.invalid)', 'Government e-mail services'],
    scopeOut: ['Systems of private operators of critical infrastructure'],
    disclosureDays: 120,
    languages: ['es', 'en'],
  });
  await recordEquities(ctx, chileAdmin, stateProgram.id, {
    period: '2025',
    disclosedCount: 37,
    retainedCount: 2,
  });

  const content = (title: string, product: string, description: string) => ({
    title,
    product,
    version: '4.2 and earlier',
    description,
    reproduction: 'Steps are in the attached proof of concept (demo).',
    impact: 'An attacker on the network takes control of the device.',
    priorVendorContact: 'None yet.',
    exploitation: 'no' as const,
    publicity: 'no' as const,
    disclosurePlans: 'Publish after a fix, or after 90 days.',
  });
  const report = (
    title: string,
    product: string,
    description: string,
    credit: 'name' | 'anonymous' | 'none',
    address: string,
  ) =>
    createReport(
      ctx,
      ANONYMOUS,
      {
        programId: program.id,
        content: content(title, product, description),
        credit,
        ...(credit === 'name' ? { creditName: 'Demo Researcher' } : {}),
      },
      address,
    );
  const triageTable = describeDecision('triage');
  const coordinate = triageTable.rows.find((row) => row.outcome === 'C')?.inputs ?? {};
  const track = triageTable.rows.find((row) => row.outcome === 'T')?.inputs ?? {};

  // A multi-vendor case under embargo.
  const router = await report(
    'Authentication bypass in router admin interfaces (demo)',
    'Demo Router firmware',
    'A fictional demo report: a crafted session cookie skips the password check of the admin interface.',
    'name',
    '192.0.2.10',
  );
  await updateReport(ctx, csirtAnalyst, router.id, {
    priority: 'high',
    cvssV3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    cweIds: ['CWE-287'],
  });
  await recordSsvcDecision(ctx, csirtAnalyst, router.id, {
    kind: 'triage',
    inputs: coordinate,
    rationale: 'Several vendors ship the same firmware component; remote and unauthenticated.',
  });
  const routerCase = await openCase(ctx, csirtAnalyst, router.id, {
    title: 'Authentication bypass in a shared router firmware component (demo)',
    summary: 'A session cookie check in a shared web component can be skipped. Please check your products.',
    targetDays: 90,
  });
  await inviteParticipant(ctx, csirtAnalyst, routerCase.id, {
    role: 'vendor',
    orgId: vendorOrg,
    products: [
      { product: 'Demo Router', version: '4.2' },
      { product: 'Demo Router Pro', version: '2.0' },
    ],
  });
  await inviteParticipant(ctx, csirtAnalyst, routerCase.id, {
    role: 'vendor',
    name: 'Demo Modem Maker (no answer yet)',
    email: 'psirt@modem-maker.demo.invalid',
    products: [{ product: 'Demo Modem', version: '1.x' }],
  });
  const routerView = await getCase(ctx, vendorAdmin, routerCase.id);
  const vendorProducts = routerView.participants.find((p) => p.orgId === vendorOrg)?.products ?? [];
  if (vendorProducts[0]) {
    await updateProduct(ctx, vendorAdmin, routerCase.id, vendorProducts[0].id, {
      status: 'fixed',
      remediation: 'Update to firmware 4.2.1.',
    });
  }
  if (vendorProducts[1]) {
    await updateProduct(ctx, vendorAdmin, routerCase.id, vendorProducts[1].id, {
      status: 'under_investigation',
    });
  }
  await proposeEmbargo(ctx, csirtAnalyst, routerCase.id, {
    endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
    reason: 'Time for every vendor to ship a fix.',
  });
  await transitionEmbargo(ctx, csirtAnalyst, routerCase.id, { action: 'activate' });

  // A case whose advisory is out.
  const office = await report(
    'Macro sandbox escape in an office suite (demo)',
    'Demo Office Suite',
    'A fictional demo report: a document macro reaches the file system outside its sandbox.',
    'anonymous',
    '192.0.2.11',
  );
  await updateReport(ctx, csirtAnalyst, office.id, {
    cvssV3Vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H',
    cweIds: ['CWE-693'],
  });
  await recordSsvcDecision(ctx, csirtAnalyst, office.id, {
    kind: 'triage',
    inputs: coordinate,
    rationale: 'Widely used.',
  });
  const officeCase = await openCase(ctx, csirtAnalyst, office.id, {
    title: 'Macro sandbox escape in Demo Office Suite (demo)',
    summary: 'A macro can write outside its sandbox.',
  });
  await inviteParticipant(ctx, csirtAnalyst, officeCase.id, {
    role: 'vendor',
    orgId: vendorOrg,
    products: [{ product: 'Demo Office Suite', version: '12.0' }],
  });
  const officeView = await getCase(ctx, vendorAdmin, officeCase.id);
  const suite = officeView.participants.find((p) => p.orgId === vendorOrg)?.products?.[0];
  if (suite) {
    await updateProduct(ctx, vendorAdmin, officeCase.id, suite.id, {
      status: 'fixed',
      remediation: 'Update to 12.0.3.',
    });
  }
  const advisory = await createAdvisory(ctx, csirtAnalyst, officeCase.id, {
    title: 'Demo Office Suite: macro sandbox escape (demo)',
    summary: 'A document macro could write files outside its sandbox. Version 12.0.3 fixes it.',
    details: 'A fictional demo advisory.',
    remediation: 'Update Demo Office Suite to 12.0.3 or later.',
    references: [],
  });
  await requestReview(ctx, csirtAnalyst, advisory.id);
  await reviewAdvisory(ctx, csirtAdmin, advisory.id, { decision: 'approve', note: 'Ready.' });
  await requestPublication(ctx, csirtAnalyst, advisory.id);

  // The queue's other states: tracked, closed as out of scope, and one just received.
  const tracked = await report(
    'Verbose error pages on a status portal (demo)',
    'Demo status portal',
    'A fictional demo report: stack traces are shown to visitors.',
    'none',
    '192.0.2.12',
  );
  await recordSsvcDecision(ctx, csirtAnalyst, tracked.id, {
    kind: 'triage',
    inputs: track,
    rationale: 'Low impact; one vendor.',
  });
  await changeStatus(ctx, csirtAnalyst, tracked.id, {
    status: 'tracked',
    note: 'Thank you; we passed it to the operator.',
  });
  const outOfScope = await report(
    'Phishing page imitating a bank (demo)',
    'A bank website',
    'A fictional demo report of a phishing site.',
    'none',
    '192.0.2.13',
  );
  await changeStatus(ctx, csirtAnalyst, outOfScope.id, {
    status: 'closed',
    closeReason: 'out_of_scope',
    note: 'Phishing sites go to the abuse desk, not to this program.',
  });
  await report(
    'Hard-coded credentials in a building controller (demo)',
    'Demo Building Controller',
    'A fictional demo report: a service account with a fixed password.',
    'anonymous',
    '192.0.2.14',
  );
}
