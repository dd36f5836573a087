import type { EmailMessage } from '../../../core/delivery/outbox.ts';
import type { UnLanguageCode } from '../../../core/reference/languages.ts';

/** The mail a POC gets in a communication check, in the six UN languages. */

interface CheckMailText {
  subject: string;
  greeting: (pocName: string, orgName: string) => string;
  purpose: string;
  ask: (closesAt: string) => string;
  howTo: string;
  note: (note: string) => string;
}

const TEXTS: Record<UnLanguageCode, CheckMailText> = {
  en: {
    subject: 'Common Ground: communication check, please acknowledge',
    greeting: (poc, org) => `Dear ${poc} (${org}),`,
    purpose:
      'This is a communication check of the points-of-contact directory on Common Ground. It tests that the contact details on record reach you.',
    ask: (closesAt) => `Please confirm that you received it by opening this link before ${closesAt}:`,
    howTo:
      'One click is enough; you do not need to sign in. If this address no longer reaches the right person, please ask your organization to update its points of contact.',
    note: (note) => `Note from the secretariat: ${note}`,
  },
  fr: {
    subject: 'Common Ground: vérification des communications, merci d’accuser réception',
    greeting: (poc, org) => `Bonjour ${poc} (${org}),`,
    purpose:
      'Ceci est une vérification des communications de l’annuaire des points de contact de Common Ground. Elle permet de s’assurer que les coordonnées enregistrées vous parviennent.',
    ask: (closesAt) => `Merci d’accuser réception en ouvrant ce lien avant le ${closesAt} :`,
    howTo:
      'Un seul clic suffit ; il n’est pas nécessaire de vous connecter. Si cette adresse ne joint plus la bonne personne, demandez à votre organisation de mettre à jour ses points de contact.',
    note: (note) => `Note du secrétariat : ${note}`,
  },
  es: {
    subject: 'Common Ground: prueba de comunicación, confirme la recepción',
    greeting: (poc, org) => `Estimado punto de contacto ${poc} (${org}):`,
    purpose:
      'Esta es una prueba de comunicación del directorio de puntos de contacto de Common Ground. Sirve para comprobar que los datos de contacto registrados le llegan.',
    ask: (closesAt) => `Confirme la recepción abriendo este enlace antes del ${closesAt}:`,
    howTo:
      'Basta con un clic; no necesita iniciar sesión. Si esta dirección ya no llega a la persona adecuada, pida a su organización que actualice sus puntos de contacto.',
    note: (note) => `Nota de la secretaría: ${note}`,
  },
  ru: {
    subject: 'Common Ground: проверка связи, подтвердите получение',
    greeting: (poc, org) => `Здравствуйте, ${poc} (${org})!`,
    purpose:
      'Это проверка связи по справочнику контактных пунктов Common Ground. Она позволяет убедиться, что указанные контактные данные действительно до вас доходят.',
    ask: (closesAt) => `Пожалуйста, подтвердите получение, открыв эту ссылку до ${closesAt}:`,
    howTo:
      'Достаточно одного нажатия; входить в систему не нужно. Если этот адрес больше не ведёт к нужному человеку, попросите свою организацию обновить сведения о контактных пунктах.',
    note: (note) => `Примечание секретариата: ${note}`,
  },
  ar: {
    subject: 'Common Ground: اختبار اتصال، يرجى تأكيد الاستلام',
    greeting: (poc, org) => `إلى ${poc} (${org})،`,
    purpose:
      'هذا اختبار اتصال لدليل جهات الاتصال في Common Ground، للتحقق من أن بيانات الاتصال المسجلة تصل إليكم.',
    ask: (closesAt) => `يرجى تأكيد الاستلام بفتح هذا الرابط قبل ${closesAt}:`,
    howTo:
      'تكفي نقرة واحدة، ولا حاجة إلى تسجيل الدخول. وإذا لم يعد هذا العنوان يصل إلى الشخص المعني، فيرجى أن تطلبوا من منظمتكم تحديث بيانات جهات الاتصال.',
    note: (note) => `ملاحظة من الأمانة: ${note}`,
  },
  zh: {
    subject: 'Common Ground: 通信检查，请确认收到',
    greeting: (poc, org) => `${poc}（${org}）：您好！`,
    purpose: '这是 Common Ground 联络点名录的一次通信检查，用于确认登记的联系方式能够联系到您。',
    ask: (closesAt) => `请在 ${closesAt} 之前打开以下链接，确认收到本邮件：`,
    howTo: '点击一次即可，无需登录。如果此地址已无法联系到相应人员，请让您的组织更新其联络点信息。',
    note: (note) => `秘书处附言：${note}`,
  },
};

/** `2026-11-26 14:00 UTC`: read alike in every language, and unambiguous across time zones. */
function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function checkMail(input: {
  language: UnLanguageCode;
  to: string;
  pocName: string;
  orgName: string;
  link: string;
  closesAt: string;
  note: string | null;
}): EmailMessage {
  const text = TEXTS[input.language];
  const paragraphs = [
    text.greeting(input.pocName, input.orgName),
    text.purpose,
    `${text.ask(formatUtc(input.closesAt))}\n${input.link}`,
    text.howTo,
    ...(input.note ? [text.note(input.note)] : []),
    '-- \nCommon Ground',
  ];
  return { to: input.to, subject: text.subject, text: `${paragraphs.join('\n\n')}\n` };
}
