import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type CapturedMail,
  headerOf,
  type SmtpCapture,
  startSmtpCapture,
  startWorker,
  type WorkerHarness,
  waitUntil,
} from '../../../test/fixtures/delivery-support.ts';
import {
  decryptReceivedMail,
  generateRecipientKey,
  type RecipientKey,
} from '../../../test/fixtures/openpgp.ts';
import { createTestApp, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';
import { getInstanceKey } from '../../core/openpgp/instance-key.ts';
import { type Cast, createCast, createPoc, requestBody, sendRequest } from './test-support.ts';

/** A header's value with RFC 2047 encoded words decoded and folding undone. */
function decodedHeader(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const value = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1] ?? '';
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

/** The text of a single-part message, quoted-printable or base64 undone. */
function bodyText(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  if (/^Content-Transfer-Encoding:\s*base64/im.test(raw)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  const unfolded = body.replace(/=\r?\n/g, '');
  return Buffer.from(
    unfolded.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

describeEachDialect(
  'assistance: mail in the POC’s language, with TLP in the subject and content only when safe',
  (dialect) => {
    let t: TestApp;
    let cast: Cast;
    let smtp: SmtpCapture;
    let harness: WorkerHarness;
    let key: RecipientKey;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      key = await generateRecipientKey('technical@cert.fr.example.test');
      cast = await createCast(t, {
        recipientTechnical: {
          languages: ['en'],
          openpgpKey: key.publicArmored,
          openpgpFingerprint: key.fingerprint,
        },
      });
      // A French-speaking technical POC of CSIRT Chile, without a key.
      await createPoc(t.database.db, {
        orgId: cast.second.orgId,
        userId: cast.second.technical.userId,
        role: 'technical',
        email: 'astreinte@csirt.example.test',
        languages: ['fr-CA', 'en'],
      });
      smtp = await startSmtpCapture();
      harness = startWorker(t.database, { SMTP_URL: smtp.url, PUBLIC_URL: 'http://localhost:8080' });
    });
    afterAll(async () => {
      await harness.stop();
      await smtp.close();
      await t.close();
    });

    const mailsAbout = (to: string, requestId: string) =>
      smtp.mails.filter(
        (mail) => headerOf(mail.raw, 'To') === to && decodedHeader(mail.raw, 'Subject').includes(requestId),
      );
    const waitForMail = async (to: string, requestId: string, count = 1): Promise<CapturedMail[]> => {
      await waitUntil(
        () => mailsAbout(to, requestId).length >= count,
        `${count} mail(s) to ${to} about ${requestId}`,
      );
      return mailsAbout(to, requestId);
    };

    it('sends AMBER content only encrypted: a keyless French POC gets French metadata and a link, the keyed POC the full text', async () => {
      const title = 'Wiper campaign against the water utility';
      const description = 'The attackers used the vendor VPN appliance; indicators follow.';
      const sent = await sendRequest(
        cast.sender.poc.client,
        requestBody(cast, {
          tlp: 'TLP:AMBER',
          title,
          description,
          sector: 'drinking_water',
          recipientOrgIds: [cast.recipient.orgId, cast.second.orgId],
        }),
      );
      expect(sent.statusCode, sent.body).toBe(201);
      const id = sent.json().id as string;

      // The French-speaking POC: a French mail, the label untranslated, no content.
      const [french] = await waitForMail('astreinte@csirt.example.test', id);
      if (!french) throw new Error('no mail');
      expect(decodedHeader(french.raw, 'Subject')).toBe(`[TLP:AMBER] Demande d’assistance ${id}: nouvelle`);
      const frenchText = bodyText(french.raw);
      expect(frenchText).toContain(
        'CERT Kenya vous a adressé une « Demande d’assistance » par Common Ground.',
      );
      expect(frenchText).toContain('Cette information est classée TLP:AMBER.');
      expect(frenchText).toContain(`http://localhost:8080/requests/${id}`);
      expect(frenchText).toContain('Statut : Envoyé');
      for (const secret of [title, description, 'Eau potable', 'VPN', 'Affected segments isolated']) {
        expect(frenchText).not.toContain(secret);
        expect(french.raw).not.toContain(secret);
      }
      expect(french.raw).not.toMatch(/multipart\/encrypted/);

      // The POC with a key: PGP/MIME, signed by the instance, with everything in the reader's language.
      const [encrypted] = await waitForMail(cast.recipient.technical.email, id);
      if (!encrypted) throw new Error('no mail');
      expect(decodedHeader(encrypted.raw, 'Subject')).toBe(`[TLP:AMBER] Request for assistance ${id}: new`);
      expect(encrypted.raw).not.toContain(title);
      expect(encrypted.raw).not.toContain('VPN appliance');
      const instance = await getInstanceKey(t.database.db, { publicUrl: 'http://localhost:8080' });
      const decrypted = await decryptReceivedMail(encrypted.raw, key.privateArmored, instance.publicArmored);
      expect(decrypted.isSignatureValid).toBe(true);
      expect(decrypted.text).toContain(`Title: ${title}`);
      expect(decrypted.text).toContain(description);
      expect(decrypted.text).toContain('Affected sector: Drinking water');
      expect(decrypted.text).toContain('Impact level: High');
      expect(decrypted.text).toContain('Incident status: Ongoing');
      expect(decrypted.text).toContain('Cross-border: Yes');
      expect(decrypted.text).toContain('TLP: TLP:AMBER');
    });

    it('tells the sender of a French recipient’s decision in the sender’s language, the reason only when safe', async () => {
      const sent = await sendRequest(
        cast.sender.poc.client,
        requestBody(cast, { tlp: 'TLP:RED', recipientOrgIds: [cast.second.orgId] }),
      );
      const id = sent.json().id as string;
      const decided = await cast.second.technical.client.request({
        method: 'POST',
        url: `/api/v1/assistance-requests/${id}/decision`,
        payload: { decision: 'declined', reason: 'No capacity this week for reverse engineering.' },
      });
      expect(decided.statusCode, decided.body).toBe(200);
      const [toSender] = await waitForMail(cast.sender.poc.email, id);
      if (!toSender) throw new Error('no mail');
      expect(decodedHeader(toSender.raw, 'Subject')).toBe(`[TLP:RED] Request for assistance ${id}: decision`);
      const text = bodyText(toSender.raw);
      expect(text).toContain('CSIRT Chile has decided on your Request for assistance.');
      expect(text).toContain('Status: Declined');
      expect(text).not.toContain('No capacity');
    });

    it('sends GREEN content in clear, in the reader’s language', async () => {
      const sent = await sendRequest(
        cast.sender.poc.client,
        requestBody(cast, {
          tlp: 'TLP:GREEN',
          type: 'notification',
          title: 'Phishing wave imitating the tax authority',
          recipientOrgIds: [cast.second.orgId],
        }),
      );
      const id = sent.json().id as string;
      const [mail] = await waitForMail('astreinte@csirt.example.test', id);
      if (!mail) throw new Error('no mail');
      expect(decodedHeader(mail.raw, 'Subject')).toBe(`[TLP:GREEN] Notification ${id}: nouvelle`);
      const text = bodyText(mail.raw);
      expect(text).toContain('Titre : Phishing wave imitating the tax authority');
      expect(text).toContain('Secteur touché : Santé');
      expect(text).toContain('Niveau d’impact : Élevé');
    });
  },
);
