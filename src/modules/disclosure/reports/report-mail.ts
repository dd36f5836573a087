import { isUnLanguageCode, type UnLanguageCode } from '../../../core/reference/languages.ts';

/**
 * The report module's notices, in the six UN languages. Subjects and bodies carry the tracking id, the
 * program and the event, never the report's content: a report may be unpublished vulnerability detail,
 * and a reporter's address may be read by others. The reporter's secret link is never mailed.
 */
export type ReportEvent =
  | 'received'
  | 'reporter_message'
  | 'acknowledged'
  | 'status_changed'
  | 'coordinator_message';

interface Catalog {
  subject: Record<ReportEvent, string>;
  body: Record<ReportEvent, string>;
  status: string;
  program: string;
  open: string;
  reporterLink: string;
}

const CATALOGS: Record<UnLanguageCode, Catalog> = {
  en: {
    subject: {
      received: 'New vulnerability report',
      reporter_message: 'New message from the reporter',
      acknowledged: 'Your report was acknowledged',
      status_changed: 'The status of your report changed',
      coordinator_message: 'New message from the coordinators',
    },
    body: {
      received: 'A new vulnerability report reached your program.',
      reporter_message: 'The reporter wrote in the thread of a report to your program.',
      acknowledged: 'The coordinators of the program acknowledged your report.',
      status_changed: 'The coordinators of the program changed the status of your report.',
      coordinator_message: 'The coordinators of the program wrote to you about your report.',
    },
    status: 'Status',
    program: 'Program',
    open: 'Open it on the platform:',
    reporterLink: 'Open the secret link you saved when you sent the report to read it and answer.',
  },
  fr: {
    subject: {
      received: 'Nouveau signalement de vulnérabilité',
      reporter_message: 'Nouveau message de la personne ayant signalé',
      acknowledged: 'Votre signalement a été pris en compte',
      status_changed: 'Le statut de votre signalement a changé',
      coordinator_message: 'Nouveau message des coordinateurs',
    },
    body: {
      received: 'Un nouveau signalement de vulnérabilité est parvenu à votre programme.',
      reporter_message: "L'auteur d'un signalement adressé à votre programme a écrit dans le fil.",
      acknowledged: 'Les coordinateurs du programme ont accusé réception de votre signalement.',
      status_changed: 'Les coordinateurs du programme ont changé le statut de votre signalement.',
      coordinator_message: 'Les coordinateurs du programme vous ont écrit au sujet de votre signalement.',
    },
    status: 'Statut',
    program: 'Programme',
    open: "L'ouvrir sur la plateforme :",
    reporterLink:
      "Ouvrez le lien secret enregistré lors de l'envoi du signalement pour le lire et y répondre.",
  },
  es: {
    subject: {
      received: 'Nuevo informe de vulnerabilidad',
      reporter_message: 'Nuevo mensaje de quien informó',
      acknowledged: 'Su informe fue recibido',
      status_changed: 'El estado de su informe cambió',
      coordinator_message: 'Nuevo mensaje de los coordinadores',
    },
    body: {
      received: 'Un nuevo informe de vulnerabilidad llegó a su programa.',
      reporter_message: 'Quien envió un informe a su programa escribió en el hilo.',
      acknowledged: 'Los coordinadores del programa acusaron recibo de su informe.',
      status_changed: 'Los coordinadores del programa cambiaron el estado de su informe.',
      coordinator_message: 'Los coordinadores del programa le escribieron sobre su informe.',
    },
    status: 'Estado',
    program: 'Programa',
    open: 'Ábralo en la plataforma:',
    reporterLink: 'Abra el enlace secreto que guardó al enviar el informe para leerlo y responder.',
  },
  ru: {
    subject: {
      received: 'Новое сообщение об уязвимости',
      reporter_message: 'Новое сообщение от автора отчёта',
      acknowledged: 'Ваше сообщение об уязвимости принято',
      status_changed: 'Статус вашего сообщения изменился',
      coordinator_message: 'Новое сообщение от координаторов',
    },
    body: {
      received: 'В вашу программу поступило новое сообщение об уязвимости.',
      reporter_message: 'Автор сообщения, направленного в вашу программу, написал в обсуждении.',
      acknowledged: 'Координаторы программы подтвердили получение вашего сообщения.',
      status_changed: 'Координаторы программы изменили статус вашего сообщения.',
      coordinator_message: 'Координаторы программы написали вам о вашем сообщении.',
    },
    status: 'Статус',
    program: 'Программа',
    open: 'Открыть на платформе:',
    reporterLink:
      'Чтобы прочитать и ответить, откройте секретную ссылку, сохранённую при отправке сообщения.',
  },
  zh: {
    subject: {
      received: '新的漏洞报告',
      reporter_message: '报告人发来新消息',
      acknowledged: '您的报告已被确认收到',
      status_changed: '您的报告状态已变更',
      coordinator_message: '协调人发来新消息',
    },
    body: {
      received: '您的计划收到了一份新的漏洞报告。',
      reporter_message: '向您的计划提交报告的人在讨论中留言。',
      acknowledged: '该计划的协调人已确认收到您的报告。',
      status_changed: '该计划的协调人变更了您报告的状态。',
      coordinator_message: '该计划的协调人就您的报告给您发了消息。',
    },
    status: '状态',
    program: '计划',
    open: '在平台上打开：',
    reporterLink: '请打开您提交报告时保存的秘密链接，以阅读并回复。',
  },
  ar: {
    subject: {
      received: 'بلاغ جديد عن ثغرة',
      reporter_message: 'رسالة جديدة من المبلِّغ',
      acknowledged: 'تم الإقرار باستلام بلاغك',
      status_changed: 'تغيّرت حالة بلاغك',
      coordinator_message: 'رسالة جديدة من المنسقين',
    },
    body: {
      received: 'وصل إلى برنامجكم بلاغ جديد عن ثغرة.',
      reporter_message: 'كتب صاحب بلاغ مقدَّم إلى برنامجكم في سلسلة الرسائل.',
      acknowledged: 'أقرّ منسقو البرنامج باستلام بلاغك.',
      status_changed: 'غيّر منسقو البرنامج حالة بلاغك.',
      coordinator_message: 'كتب إليك منسقو البرنامج بشأن بلاغك.',
    },
    status: 'الحالة',
    program: 'البرنامج',
    open: 'افتحه على المنصة:',
    reporterLink: 'افتح الرابط السري الذي حفظته عند إرسال البلاغ لقراءته والرد عليه.',
  },
};

/** The first UN language of a BCP 47 tag, else English. */
export function mailLanguage(tag: string | null | undefined): UnLanguageCode {
  const primary = tag?.split('-')[0]?.toLowerCase();
  return isUnLanguageCode(primary) ? primary : 'en';
}

export function reportEventTitle(event: ReportEvent, language: UnLanguageCode): string {
  return CATALOGS[language].subject[event];
}

export function buildReportMail(
  event: ReportEvent,
  language: UnLanguageCode,
  report: { id: string; programName: string; status: string },
  link: string | null,
): { subject: string; text: string } {
  const catalog = CATALOGS[language];
  const lines = [
    catalog.body[event],
    '',
    `${catalog.program}: ${report.programName}`,
    `${catalog.status}: ${report.status}`,
    '',
    link ? `${catalog.open} ${link}` : catalog.reporterLink,
  ];
  return { subject: `[${report.id}] ${catalog.subject[event]}`, text: `${lines.join('\n')}\n` };
}
