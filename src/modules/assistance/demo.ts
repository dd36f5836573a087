import type { Config } from '../../config.ts';
import type { Db, Dialect } from '../../core/db/database.ts';
import { demoActor, demoContext, demoOrgId } from '../demo-support.ts';
import { acknowledgeRequest, decideRequest } from './lifecycle.service.ts';
import { createRequest } from './requests.service.ts';

const HOUR = 3_600_000;

/**
 * The assistance part of the demo dataset, made through the module's services after the contacts demo
 * named the POCs: an AMBER request for assistance from Kenya that the National CSIRT acknowledged and
 * accepted, and a GREEN notification from Chile that Kenya has not acknowledged in time.
 */
export async function seedAssistanceDemo(db: Db, dialect: Dialect, config: Config): Promise<void> {
  const ctx = await demoContext(db, dialect, config);
  // POCs sign in with TOTP, as they must to act on requests.
  const pocActor = (email: string) => demoActor(db, email, true);
  const kenya = await pocActor('admin@ministry-of-foreign-affairs-kenya-desk.demo.invalid');
  const chile = await pocActor('admin@national-cyber-agency-chile-desk.demo.invalid');
  const csirt = await pocActor('admin@national-csirt.demo.invalid');
  const kenyaOrg = await demoOrgId(db, 'Demo Ministry of Foreign Affairs (Kenya desk)');
  const chileOrg = await demoOrgId(db, 'Demo National Cyber Agency (Chile desk)');
  const csirtOrg = await demoOrgId(db, 'Demo National CSIRT');
  const now = Date.now();

  const ransomware = await createRequest(ctx, kenya, {
    senderOrgId: kenyaOrg,
    recipientOrgIds: [csirtOrg],
    type: 'request_for_assistance',
    tlp: 'TLP:AMBER',
    title: 'Ransomware at a regional hospital (demo)',
    detectedAt: new Date(now - 6 * HOUR).toISOString(),
    incidentStatus: 'ongoing',
    sector: 'health',
    impactLevel: 'high',
    isCrossBorder: true,
    assistanceRequested: ['malware_analysis', 'forensics'],
    assistanceDetails:
      'Analysis of the encryptor sample to learn whether a decryptor exists, and help to preserve and read the disk images of the two affected file servers.',
    actionsTaken:
      'The hospital network is split from the provincial health network, backups are offline and intact, and patient admissions run on paper.',
    urgency: 'priority',
    responseLanguage: 'en',
    description:
      'A fictional demo incident. Early this morning files on the file servers of the Demo Regional Hospital were encrypted and a ransom note left on each share. Imaging and laboratory systems are affected; emergency care continues. The initial access looks like a remote-access gateway without the latest patch. The ransom note names a group previously reported in the region.',
  });
  await acknowledgeRequest(ctx, csirt, ransomware.id, {});
  await decideRequest(ctx, csirt, ransomware.id, {
    decision: 'accepted',
    reason:
      'We take this on. Our malware analysts will look at the sample today; please share it through the secure upload link we will send.',
  });

  const phishing = await createRequest(ctx, chile, {
    senderOrgId: chileOrg,
    recipientOrgIds: [kenyaOrg],
    type: 'notification',
    tlp: 'TLP:GREEN',
    title: 'Phishing campaign imitating ministry web portals (demo)',
    detectedAt: new Date(now - 26 * HOUR).toISOString(),
    incidentStatus: 'ongoing',
    sector: 'public_administration',
    impactLevel: 'medium',
    isCrossBorder: true,
    assistanceRequested: [],
    assistanceDetails: '',
    actionsTaken:
      'The look-alike domains were reported to their registrars and added to our national block list.',
    urgency: 'routine',
    responseLanguage: 'en',
    description:
      'A fictional demo notification. A phishing campaign imitates the sign-in pages of foreign ministry portals, including one styled after your ministry. The messages arrive in English and Spanish and lead to look-alike domains registered this week. We share the pattern so your teams can warn staff.',
  });
  // Demo only: requests are sent with a deadline in the future, so this one is moved back directly, to
  // show a notification sent three hours ago and overdue for acknowledgement since half an hour. The
  // escalation job then reaches Kenya's diplomatic POC on its next run.
  const acknowledgeBy = new Date(now - HOUR / 2).toISOString();
  await db
    .updateTable('assistance_requests')
    .set({
      created_at: new Date(now - 3 * HOUR).toISOString(),
      updated_at: new Date(now - 3 * HOUR).toISOString(),
      acknowledge_by: acknowledgeBy,
    })
    .where('id', '=', phishing.id)
    .execute();
  await db
    .updateTable('assistance_recipients')
    .set({ next_escalation_at: acknowledgeBy })
    .where('request_id', '=', phishing.id)
    .execute();
}
