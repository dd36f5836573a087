import type { UnLanguageCode } from '../../core/reference/languages.ts';
import { type SectorCode, sectorLabel } from '../../core/reference/sectors.ts';
import { type PocService, pocServiceLabel } from '../contacts/index.ts';
import type { RequestRow } from './assistance.repository.ts';
import {
  type Decision,
  type ImpactLevel,
  type IncidentStatus,
  impactLevelLabel,
  incidentStatusLabel,
  type MessageType,
  messageTypeLabel,
  type RequestStatus,
  requestStatusLabel,
  type Urgency,
  urgencyLabel,
} from './codes.ts';

/**
 * The e-mails of the assistance module, in the six UN languages. Each POC's mail goes out in the POC's
 * first UN language; codes are shown with their labels in that language, and TLP labels never change.
 * Subjects carry only the label, the type, the id and the event: never a title.
 */

export type AssistanceEvent =
  | 'sent'
  | 'escalated'
  | 'escalated_sender'
  | 'acknowledged'
  | 'decided'
  | 'message'
  | 'responded'
  | 'closed';

interface Catalog {
  events: Record<AssistanceEvent, string>;
  intro: Record<AssistanceEvent, (p: { type: string; sender: string; org: string; level: number }) => string>;
  fields: {
    type: string;
    id: string;
    status: string;
    from: string;
    to: string;
    acknowledgeBy: string;
    respondBy: string;
    title: string;
    detectedAt: string;
    incidentStatus: string;
    sector: string;
    impactLevel: string;
    crossBorder: string;
    assistanceRequested: string;
    assistanceDetails: string;
    actionsTaken: string;
    urgency: string;
    responseLanguage: string;
    description: string;
    reason: string;
    message: string;
    note: string;
  };
  /** Between a field's name and its value: French puts a space before the colon, Chinese a full-width colon. */
  sep: string;
  yes: string;
  no: string;
  none: string;
  withheld: (tlp: string) => string;
  open: string;
  footer: string;
}

const en: Catalog = {
  events: {
    sent: 'new',
    escalated: 'escalated to you',
    escalated_sender: 'not acknowledged in time',
    acknowledged: 'acknowledged',
    decided: 'decision',
    message: 'new message',
    responded: 'response',
    closed: 'closed',
  },
  intro: {
    sent: (p) => `${p.sender} has sent you a ${p.type} through Common Ground.`,
    escalated: (p) =>
      `${p.org} has not acknowledged this ${p.type} from ${p.sender} by its deadline. It is escalated to you as another point of contact of ${p.org}.`,
    escalated_sender: (p) =>
      `${p.org} has not acknowledged your ${p.type} by its deadline. It has been escalated to further points of contact of ${p.org} (step ${p.level}).`,
    acknowledged: (p) => `${p.org} has acknowledged your ${p.type}.`,
    decided: (p) => `${p.org} has decided on your ${p.type}.`,
    message: (p) => `${p.org} has written in the thread of the ${p.type}.`,
    responded: (p) => `${p.org} has responded to your ${p.type}.`,
    closed: (p) => `${p.sender} has closed the ${p.type}.`,
  },
  fields: {
    type: 'Type',
    id: 'Reference',
    status: 'Status',
    from: 'From',
    to: 'To',
    acknowledgeBy: 'Acknowledge by',
    respondBy: 'Respond by',
    title: 'Title',
    detectedAt: 'Incident detected at',
    incidentStatus: 'Incident status',
    sector: 'Affected sector',
    impactLevel: 'Impact level',
    crossBorder: 'Cross-border',
    assistanceRequested: 'Assistance requested',
    assistanceDetails: 'Details of the assistance requested',
    actionsTaken: 'Actions already taken',
    urgency: 'Urgency',
    responseLanguage: 'Preferred response language',
    description: 'Description',
    reason: 'Reason',
    message: 'Message',
    note: 'Note',
  },
  sep: ': ',
  yes: 'Yes',
  no: 'No',
  none: 'None',
  withheld: (tlp) =>
    `This is ${tlp} information. No OpenPGP key is on file for you, so its content is not sent by e-mail. Sign in to read it.`,
  open: 'Open it in Common Ground:',
  footer: 'You receive this message as a point of contact registered in the Common Ground directory.',
};

const fr: Catalog = {
  events: {
    sent: 'nouvelle',
    escalated: 'transmise à vous',
    escalated_sender: 'sans accusé de réception dans le délai',
    acknowledged: 'accusé de réception',
    decided: 'décision',
    message: 'nouveau message',
    responded: 'réponse',
    closed: 'clôturée',
  },
  intro: {
    sent: (p) => `${p.sender} vous a adressé une « ${p.type} » par Common Ground.`,
    escalated: (p) =>
      `${p.org} n’a pas accusé réception dans le délai de cette « ${p.type} » de ${p.sender}. Elle vous est transmise en tant qu’autre point de contact de ${p.org}.`,
    escalated_sender: (p) =>
      `${p.org} n’a pas accusé réception de votre « ${p.type} » dans le délai. Elle a été transmise à d’autres points de contact de ${p.org} (étape ${p.level}).`,
    acknowledged: (p) => `${p.org} a accusé réception de votre « ${p.type} ».`,
    decided: (p) => `${p.org} a pris une décision sur votre « ${p.type} ».`,
    message: (p) => `${p.org} a écrit dans le fil de la « ${p.type} ».`,
    responded: (p) => `${p.org} a répondu à votre « ${p.type} ».`,
    closed: (p) => `${p.sender} a clôturé la « ${p.type} ».`,
  },
  fields: {
    type: 'Type',
    id: 'Référence',
    status: 'Statut',
    from: 'De',
    to: 'À',
    acknowledgeBy: 'Accusé de réception attendu avant le',
    respondBy: 'Réponse attendue avant le',
    title: 'Titre',
    detectedAt: 'Incident détecté le',
    incidentStatus: 'État de l’incident',
    sector: 'Secteur touché',
    impactLevel: 'Niveau d’impact',
    crossBorder: 'Transfrontière',
    assistanceRequested: 'Assistance demandée',
    assistanceDetails: 'Précisions sur l’assistance demandée',
    actionsTaken: 'Mesures déjà prises',
    urgency: 'Urgence',
    responseLanguage: 'Langue de réponse souhaitée',
    description: 'Description',
    reason: 'Motif',
    message: 'Message',
    note: 'Note',
  },
  sep: ' : ',
  yes: 'Oui',
  no: 'Non',
  none: 'Aucune',
  withheld: (tlp) =>
    `Cette information est classée ${tlp}. Aucune clé OpenPGP n’est enregistrée pour vous : son contenu n’est donc pas envoyé par courriel. Connectez-vous pour la lire.`,
  open: 'Ouvrir dans Common Ground :',
  footer: 'Vous recevez ce message en tant que point de contact inscrit à l’annuaire de Common Ground.',
};

const es: Catalog = {
  events: {
    sent: 'nueva',
    escalated: 'remitida a usted',
    escalated_sender: 'sin acuse de recibo a tiempo',
    acknowledged: 'acuse de recibo',
    decided: 'decisión',
    message: 'nuevo mensaje',
    responded: 'respuesta',
    closed: 'cerrada',
  },
  intro: {
    sent: (p) => `${p.sender} le ha enviado una «${p.type}» a través de Common Ground.`,
    escalated: (p) =>
      `${p.org} no ha acusado recibo a tiempo de esta «${p.type}» de ${p.sender}. Se le remite a usted como otro punto de contacto de ${p.org}.`,
    escalated_sender: (p) =>
      `${p.org} no ha acusado recibo a tiempo de su «${p.type}». Se ha remitido a otros puntos de contacto de ${p.org} (paso ${p.level}).`,
    acknowledged: (p) => `${p.org} ha acusado recibo de su «${p.type}».`,
    decided: (p) => `${p.org} ha tomado una decisión sobre su «${p.type}».`,
    message: (p) => `${p.org} ha escrito en el hilo de la «${p.type}».`,
    responded: (p) => `${p.org} ha respondido a su «${p.type}».`,
    closed: (p) => `${p.sender} ha cerrado la «${p.type}».`,
  },
  fields: {
    type: 'Tipo',
    id: 'Referencia',
    status: 'Estado',
    from: 'De',
    to: 'Para',
    acknowledgeBy: 'Acusar recibo antes de',
    respondBy: 'Responder antes de',
    title: 'Título',
    detectedAt: 'Incidente detectado el',
    incidentStatus: 'Estado del incidente',
    sector: 'Sector afectado',
    impactLevel: 'Nivel de impacto',
    crossBorder: 'Transfronterizo',
    assistanceRequested: 'Asistencia solicitada',
    assistanceDetails: 'Detalles de la asistencia solicitada',
    actionsTaken: 'Medidas ya adoptadas',
    urgency: 'Urgencia',
    responseLanguage: 'Idioma de respuesta preferido',
    description: 'Descripción',
    reason: 'Motivo',
    message: 'Mensaje',
    note: 'Nota',
  },
  sep: ': ',
  yes: 'Sí',
  no: 'No',
  none: 'Ninguna',
  withheld: (tlp) =>
    `Esta información es ${tlp}. No hay ninguna clave OpenPGP registrada para usted, por lo que su contenido no se envía por correo electrónico. Inicie sesión para leerla.`,
  open: 'Abrir en Common Ground:',
  footer: 'Recibe este mensaje como punto de contacto inscrito en el directorio de Common Ground.',
};

const ru: Catalog = {
  events: {
    sent: 'новый',
    escalated: 'передан вам',
    escalated_sender: 'получение не подтверждено в срок',
    acknowledged: 'получение подтверждено',
    decided: 'решение',
    message: 'новое сообщение',
    responded: 'ответ',
    closed: 'закрыт',
  },
  intro: {
    sent: (p) => `${p.sender} направил(а) вам документ «${p.type}» через Common Ground.`,
    escalated: (p) =>
      `${p.org} не подтвердил(а) в срок получение документа «${p.type}» от ${p.sender}. Он передан вам как другому контактному лицу ${p.org}.`,
    escalated_sender: (p) =>
      `${p.org} не подтвердил(а) в срок получение вашего документа «${p.type}». Он передан другим контактным лицам ${p.org} (этап ${p.level}).`,
    acknowledged: (p) => `${p.org} подтвердил(а) получение вашего документа «${p.type}».`,
    decided: (p) => `${p.org} принял(а) решение по вашему документу «${p.type}».`,
    message: (p) => `${p.org} написал(а) в переписке по документу «${p.type}».`,
    responded: (p) => `${p.org} ответил(а) на ваш документ «${p.type}».`,
    closed: (p) => `${p.sender} закрыл(а) документ «${p.type}».`,
  },
  fields: {
    type: 'Тип',
    id: 'Номер',
    status: 'Статус',
    from: 'От',
    to: 'Кому',
    acknowledgeBy: 'Подтвердить получение до',
    respondBy: 'Ответить до',
    title: 'Заголовок',
    detectedAt: 'Инцидент обнаружен',
    incidentStatus: 'Состояние инцидента',
    sector: 'Затронутый сектор',
    impactLevel: 'Уровень воздействия',
    crossBorder: 'Трансграничный',
    assistanceRequested: 'Запрашиваемая помощь',
    assistanceDetails: 'Подробности о запрашиваемой помощи',
    actionsTaken: 'Уже принятые меры',
    urgency: 'Срочность',
    responseLanguage: 'Предпочтительный язык ответа',
    description: 'Описание',
    reason: 'Причина',
    message: 'Сообщение',
    note: 'Примечание',
  },
  sep: ': ',
  yes: 'Да',
  no: 'Нет',
  none: 'Нет',
  withheld: (tlp) =>
    `Это информация с пометкой ${tlp}. Для вас не зарегистрирован ключ OpenPGP, поэтому её содержание не отправляется по электронной почте. Войдите в систему, чтобы прочитать её.`,
  open: 'Открыть в Common Ground:',
  footer: 'Вы получили это сообщение как контактное лицо, внесённое в справочник Common Ground.',
};

const ar: Catalog = {
  events: {
    sent: 'جديد',
    escalated: 'أُحيل إليكم',
    escalated_sender: 'لم يُؤكَّد الاستلام في الموعد',
    acknowledged: 'تأكيد الاستلام',
    decided: 'قرار',
    message: 'رسالة جديدة',
    responded: 'رد',
    closed: 'مُغلق',
  },
  intro: {
    sent: (p) => `أرسل إليكم ${p.sender} «${p.type}» عبر منصة Common Ground.`,
    escalated: (p) =>
      `لم يؤكد ${p.org} في الموعد المحدد استلام «${p.type}» المرسل من ${p.sender}، ولذلك أُحيل إليكم بصفتكم جهة اتصال أخرى لدى ${p.org}.`,
    escalated_sender: (p) =>
      `لم يؤكد ${p.org} في الموعد المحدد استلام «${p.type}» الذي أرسلتموه، وقد أُحيل إلى جهات اتصال أخرى لدى ${p.org} (المرحلة ${p.level}).`,
    acknowledged: (p) => `أكد ${p.org} استلام «${p.type}» الذي أرسلتموه.`,
    decided: (p) => `اتخذ ${p.org} قرارًا بشأن «${p.type}» الذي أرسلتموه.`,
    message: (p) => `كتب ${p.org} رسالة في سلسلة المراسلات الخاصة بـ«${p.type}».`,
    responded: (p) => `ردّ ${p.org} على «${p.type}» الذي أرسلتموه.`,
    closed: (p) => `أغلق ${p.sender} «${p.type}».`,
  },
  fields: {
    type: 'النوع',
    id: 'المرجع',
    status: 'الحالة',
    from: 'من',
    to: 'إلى',
    acknowledgeBy: 'تأكيد الاستلام قبل',
    respondBy: 'الرد قبل',
    title: 'العنوان',
    detectedAt: 'تاريخ اكتشاف الحادث',
    incidentStatus: 'حالة الحادث',
    sector: 'القطاع المتأثر',
    impactLevel: 'مستوى التأثير',
    crossBorder: 'عابر للحدود',
    assistanceRequested: 'المساعدة المطلوبة',
    assistanceDetails: 'تفاصيل المساعدة المطلوبة',
    actionsTaken: 'الإجراءات المتخذة',
    urgency: 'درجة الاستعجال',
    responseLanguage: 'لغة الرد المفضلة',
    description: 'الوصف',
    reason: 'السبب',
    message: 'الرسالة',
    note: 'ملاحظة',
  },
  sep: ': ',
  yes: 'نعم',
  no: 'لا',
  none: 'لا شيء',
  withheld: (tlp) =>
    `هذه معلومات مصنفة ${tlp}. لا يوجد مفتاح OpenPGP مسجل باسمكم، لذلك لا يُرسل محتواها بالبريد الإلكتروني. يُرجى تسجيل الدخول للاطلاع عليها.`,
  open: 'افتحوها في Common Ground:',
  footer: 'تتلقون هذه الرسالة بصفتكم جهة اتصال مسجلة في دليل Common Ground.',
};

const zh: Catalog = {
  events: {
    sent: '新',
    escalated: '已转交给您',
    escalated_sender: '未按时确认收到',
    acknowledged: '已确认收到',
    decided: '决定',
    message: '新消息',
    responded: '答复',
    closed: '已关闭',
  },
  intro: {
    sent: (p) => `${p.sender}通过 Common Ground 向您发送了一份“${p.type}”。`,
    escalated: (p) =>
      `${p.org}未在期限内确认收到${p.sender}发送的这份“${p.type}”，现作为${p.org}的另一联络点转交给您。`,
    escalated_sender: (p) =>
      `${p.org}未在期限内确认收到您的“${p.type}”，现已转交给${p.org}的其他联络点（第 ${p.level} 步）。`,
    acknowledged: (p) => `${p.org}已确认收到您的“${p.type}”。`,
    decided: (p) => `${p.org}已就您的“${p.type}”作出决定。`,
    message: (p) => `${p.org}在“${p.type}”的往来消息中发送了新消息。`,
    responded: (p) => `${p.org}已答复您的“${p.type}”。`,
    closed: (p) => `${p.sender}已关闭该“${p.type}”。`,
  },
  fields: {
    type: '类型',
    id: '编号',
    status: '状态',
    from: '发件方',
    to: '收件方',
    acknowledgeBy: '确认收到期限',
    respondBy: '答复期限',
    title: '标题',
    detectedAt: '事件发现时间',
    incidentStatus: '事件状态',
    sector: '受影响部门',
    impactLevel: '影响程度',
    crossBorder: '跨境',
    assistanceRequested: '请求的协助',
    assistanceDetails: '所请求协助的详情',
    actionsTaken: '已采取的措施',
    urgency: '紧急程度',
    responseLanguage: '首选答复语言',
    description: '说明',
    reason: '理由',
    message: '消息',
    note: '备注',
  },
  sep: '：',
  yes: '是',
  no: '否',
  none: '无',
  withheld: (tlp) =>
    `此信息标记为 ${tlp}。由于没有为您登记 OpenPGP 密钥，其内容不通过电子邮件发送。请登录后阅读。`,
  open: '在 Common Ground 中打开：',
  footer: '您作为 Common Ground 联络点名录中登记的联络点收到此消息。',
};

const CATALOGS: Record<UnLanguageCode, Catalog> = { ar, en, es, fr, ru, zh };

function formatInstant(iso: string): string {
  // Language-neutral and unambiguous across time zones.
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

// One formatter per mail language: building an Intl.DisplayNames costs more than naming a language with it.
const languageNames = new Map<UnLanguageCode, Intl.DisplayNames>();

function languageName(tag: string, language: UnLanguageCode): string {
  let names = languageNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'language' });
    languageNames.set(language, names);
  }
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export interface AssistanceMailInput {
  language: UnLanguageCode;
  event: AssistanceEvent;
  request: RequestRow;
  recipientOrgNames: readonly string[];
  /** The organization the event concerns (the recipient that acted, or the one escalated). */
  orgName: string;
  /** The status of the recipient concerned, or of the request for the sender's events. */
  status: RequestStatus | null;
  /** Absolute URL of the request in the web app. */
  link: string;
  /** Title, structured fields, description and thread text: only when encrypted or not AMBER/RED. */
  isFullContent: boolean;
  escalationLevel?: number;
  decision?: Decision | null;
  /** A decision's reason, a thread message or a closure note. */
  text?: string | null;
}

export function buildAssistanceMail(input: AssistanceMailInput): { subject: string; text: string } {
  const c = CATALOGS[input.language];
  const { request, language } = input;
  const type = messageTypeLabel(request.type as MessageType, language);
  const subject = `[${request.tlp}] ${type} ${request.id}: ${c.events[input.event]}`;
  const lines: string[] = [
    c.intro[input.event]({
      type,
      sender: request.sender_org_name,
      org: input.orgName,
      level: input.escalationLevel ?? 0,
    }),
    '',
    `TLP${c.sep}${request.tlp}`,
    `${c.fields.type}${c.sep}${type}`,
    `${c.fields.id}${c.sep}${request.id}`,
  ];
  if (input.status) lines.push(`${c.fields.status}${c.sep}${requestStatusLabel(input.status, language)}`);
  lines.push(
    `${c.fields.from}${c.sep}${request.sender_org_name}`,
    `${c.fields.to}${c.sep}${input.recipientOrgNames.join(', ')}`,
    `${c.fields.acknowledgeBy}${c.sep}${formatInstant(request.acknowledge_by)}`,
    `${c.fields.respondBy}${c.sep}${formatInstant(request.respond_by)}`,
    '',
  );
  if (input.isFullContent) {
    const services = JSON.parse(request.assistance_requested) as PocService[];
    lines.push(
      `${c.fields.title}${c.sep}${request.title}`,
      `${c.fields.detectedAt}${c.sep}${request.detected_at ? formatInstant(request.detected_at) : c.none}`,
      `${c.fields.incidentStatus}${c.sep}${incidentStatusLabel(request.incident_status as IncidentStatus, language)}`,
      `${c.fields.sector}${c.sep}${sectorLabel(request.sector as SectorCode, language)}`,
      `${c.fields.impactLevel}${c.sep}${impactLevelLabel(request.impact_level as ImpactLevel, language)}`,
      `${c.fields.crossBorder}${c.sep}${request.is_cross_border === 1 ? c.yes : c.no}`,
      `${c.fields.urgency}${c.sep}${urgencyLabel(request.urgency as Urgency, language)}`,
      `${c.fields.responseLanguage}${c.sep}${languageName(request.response_language, language)}`,
      `${c.fields.assistanceRequested}${c.sep}${
        services.length > 0 ? services.map((code) => pocServiceLabel(code, language)).join(', ') : c.none
      }`,
    );
    if (request.assistance_details)
      lines.push('', `${c.fields.assistanceDetails}${c.sep.trimEnd()}`, request.assistance_details);
    if (request.actions_taken)
      lines.push('', `${c.fields.actionsTaken}${c.sep.trimEnd()}`, request.actions_taken);
    lines.push('', `${c.fields.description}${c.sep.trimEnd()}`, request.description, '');
    if (input.text) {
      const heading =
        input.event === 'decided'
          ? c.fields.reason
          : input.event === 'closed'
            ? c.fields.note
            : c.fields.message;
      lines.push(`${heading}${c.sep.trimEnd()}`, input.text, '');
    }
  } else {
    lines.push(c.withheld(request.tlp), '');
  }
  lines.push(c.open, input.link, '', '--', c.footer);
  return { subject, text: lines.join('\n') };
}

/** A short in-app title with metadata only: label, type, id and event. */
export function inAppTitle(event: AssistanceEvent, request: RequestRow, language: UnLanguageCode): string {
  const type = messageTypeLabel(request.type as MessageType, language);
  return `[${request.tlp}] ${type} ${request.id}: ${CATALOGS[language].events[event]}`;
}
