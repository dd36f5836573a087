import type { UnLanguageCode } from '../../../core/reference/languages.ts';

/**
 * Case notices in the six UN languages. Like report notices they carry the case id, the event and a link,
 * never the title or the vulnerability: mail travels in clear and an embargoed case must not leak through it.
 * Times are written in UTC with the zone named.
 */
export type CaseEvent =
  | 'invited'
  | 'reminder'
  | 'escalated'
  | 'message'
  | 'status_changed'
  | 'statement_submitted'
  | 'statement_reviewed'
  | 'embargo_changed'
  | 'case_event'
  | 'target_changed'
  | 'advisory_published';

interface Catalog {
  subject: Record<CaseEvent, string>;
  body: Record<CaseEvent, string>;
  target: string;
  embargoEnds: string;
  open: string;
  useLink: string;
}

const CATALOGS: Record<UnLanguageCode, Catalog> = {
  en: {
    subject: {
      invited: 'You are invited to a coordinated disclosure case',
      reminder: 'Reminder: a disclosure case awaits your answer',
      escalated: 'A participant has not answered by the target date',
      message: 'New message in a disclosure case',
      status_changed: 'A product status changed',
      statement_submitted: 'A statement awaits your review',
      statement_reviewed: 'Your statement was reviewed',
      embargo_changed: 'The embargo changed',
      case_event: 'Exploitation or public disclosure was recorded',
      target_changed: 'The target date changed',
      advisory_published: 'The advisory was published',
    },
    body: {
      invited:
        'The coordinators of a vulnerability disclosure case ask you to take part: to say whether your products are affected, and to work with them toward a coordinated publication.',
      reminder:
        'The coordinators are still waiting for your answer in this case: the status of your products, or a message.',
      escalated: 'A participant has given no answer by the target date of the case.',
      message: 'Someone wrote in the case.',
      status_changed: 'A participant changed the status of one of its products.',
      statement_submitted: 'A participant submitted a statement; it is published only once you approve it.',
      statement_reviewed: 'The coordinators reviewed your statement.',
      embargo_changed: 'The embargo of the case changed.',
      case_event:
        'Exploitation in the wild or public disclosure was recorded for the case; any embargo has ended.',
      target_changed: 'The coordinators changed the target date of the case.',
      advisory_published:
        'The advisory of the case was published; statuses and approved statements are now visible to every participant.',
    },
    target: 'Target date',
    embargoEnds: 'Embargo ends',
    open: 'Open the case:',
    useLink: 'Open the case with the link you received with your invitation.',
  },
  fr: {
    subject: {
      invited: 'Vous êtes invité à un dossier de divulgation coordonnée',
      reminder: 'Rappel : un dossier de divulgation attend votre réponse',
      escalated: "Un participant n'a pas répondu à la date cible",
      message: 'Nouveau message dans un dossier de divulgation',
      status_changed: "Le statut d'un produit a changé",
      statement_submitted: 'Une déclaration attend votre examen',
      statement_reviewed: 'Votre déclaration a été examinée',
      embargo_changed: "L'embargo a changé",
      case_event: 'Une exploitation ou une divulgation publique a été enregistrée',
      target_changed: 'La date cible a changé',
      advisory_published: "L'avis a été publié",
    },
    body: {
      invited:
        "Les coordinateurs d'un dossier de divulgation de vulnérabilité vous invitent à y prendre part : indiquer si vos produits sont concernés et travailler avec eux à une publication coordonnée.",
      reminder:
        'Les coordinateurs attendent toujours votre réponse dans ce dossier : le statut de vos produits, ou un message.',
      escalated: "Un participant n'a donné aucune réponse à la date cible du dossier.",
      message: 'Quelqu’un a écrit dans le dossier.',
      status_changed: "Un participant a changé le statut de l'un de ses produits.",
      statement_submitted:
        "Un participant a soumis une déclaration ; elle n'est publiée qu'après votre approbation.",
      statement_reviewed: 'Les coordinateurs ont examiné votre déclaration.',
      embargo_changed: "L'embargo du dossier a changé.",
      case_event:
        'Une exploitation active ou une divulgation publique a été enregistrée ; tout embargo a pris fin.',
      target_changed: 'Les coordinateurs ont changé la date cible du dossier.',
      advisory_published:
        "L'avis du dossier a été publié ; les statuts et les déclarations approuvées sont désormais visibles de tous les participants.",
    },
    target: 'Date cible',
    embargoEnds: "Fin de l'embargo",
    open: 'Ouvrir le dossier :',
    useLink: 'Ouvrez le dossier avec le lien reçu avec votre invitation.',
  },
  es: {
    subject: {
      invited: 'Se le invita a un caso de divulgación coordinada',
      reminder: 'Recordatorio: un caso de divulgación espera su respuesta',
      escalated: 'Un participante no respondió antes de la fecha objetivo',
      message: 'Nuevo mensaje en un caso de divulgación',
      status_changed: 'Cambió el estado de un producto',
      statement_submitted: 'Una declaración espera su revisión',
      statement_reviewed: 'Su declaración fue revisada',
      embargo_changed: 'El embargo cambió',
      case_event: 'Se registró explotación o divulgación pública',
      target_changed: 'La fecha objetivo cambió',
      advisory_published: 'Se publicó el aviso',
    },
    body: {
      invited:
        'Los coordinadores de un caso de divulgación de vulnerabilidades le piden participar: indicar si sus productos están afectados y trabajar con ellos hacia una publicación coordinada.',
      reminder:
        'Los coordinadores siguen esperando su respuesta en este caso: el estado de sus productos o un mensaje.',
      escalated: 'Un participante no ha dado respuesta alguna en la fecha objetivo del caso.',
      message: 'Alguien escribió en el caso.',
      status_changed: 'Un participante cambió el estado de uno de sus productos.',
      statement_submitted:
        'Un participante presentó una declaración; solo se publica cuando usted la aprueba.',
      statement_reviewed: 'Los coordinadores revisaron su declaración.',
      embargo_changed: 'El embargo del caso cambió.',
      case_event: 'Se registró explotación activa o divulgación pública del caso; todo embargo ha terminado.',
      target_changed: 'Los coordinadores cambiaron la fecha objetivo del caso.',
      advisory_published:
        'Se publicó el aviso del caso; los estados y las declaraciones aprobadas ya son visibles para todos los participantes.',
    },
    target: 'Fecha objetivo',
    embargoEnds: 'Fin del embargo',
    open: 'Abrir el caso:',
    useLink: 'Abra el caso con el enlace que recibió con su invitación.',
  },
  ru: {
    subject: {
      invited: 'Вас приглашают к делу о скоординированном раскрытии',
      reminder: 'Напоминание: дело о раскрытии ждёт вашего ответа',
      escalated: 'Участник не ответил к целевой дате',
      message: 'Новое сообщение в деле о раскрытии',
      status_changed: 'Изменился статус продукта',
      statement_submitted: 'Заявление ожидает вашего рассмотрения',
      statement_reviewed: 'Ваше заявление рассмотрено',
      embargo_changed: 'Эмбарго изменилось',
      case_event: 'Зафиксирована эксплуатация или публичное раскрытие',
      target_changed: 'Целевая дата изменилась',
      advisory_published: 'Бюллетень опубликован',
    },
    body: {
      invited:
        'Координаторы дела о раскрытии уязвимости просят вас принять участие: сообщить, затронуты ли ваши продукты, и вместе подготовить скоординированную публикацию.',
      reminder:
        'Координаторы по-прежнему ждут вашего ответа по этому делу: статуса ваших продуктов или сообщения.',
      escalated: 'Участник не дал ответа к целевой дате дела.',
      message: 'В деле появилось новое сообщение.',
      status_changed: 'Участник изменил статус одного из своих продуктов.',
      statement_submitted: 'Участник представил заявление; оно публикуется только после вашего одобрения.',
      statement_reviewed: 'Координаторы рассмотрели ваше заявление.',
      embargo_changed: 'Эмбарго по делу изменилось.',
      case_event: 'По делу зафиксирована эксплуатация или публичное раскрытие; эмбарго прекращено.',
      target_changed: 'Координаторы изменили целевую дату дела.',
      advisory_published:
        'Бюллетень по делу опубликован; статусы и одобренные заявления теперь видны всем участникам.',
    },
    target: 'Целевая дата',
    embargoEnds: 'Окончание эмбарго',
    open: 'Открыть дело:',
    useLink: 'Откройте дело по ссылке из приглашения.',
  },
  zh: {
    subject: {
      invited: '邀请您参与一项协调披露案件',
      reminder: '提醒：一项披露案件正在等待您的答复',
      escalated: '有参与方在目标日期前未作答复',
      message: '披露案件中有新消息',
      status_changed: '某产品的状态已变更',
      statement_submitted: '有一份声明等待您审核',
      statement_reviewed: '您的声明已经审核',
      embargo_changed: '禁发期已变更',
      case_event: '已记录漏洞被利用或被公开',
      target_changed: '目标日期已变更',
      advisory_published: '公告已发布',
    },
    body: {
      invited: '一项漏洞披露案件的协调人邀请您参与：说明您的产品是否受影响，并与他们共同完成协调发布。',
      reminder: '协调人仍在等待您在此案件中的答复：您产品的状态，或一条消息。',
      escalated: '有参与方在案件目标日期前未作任何答复。',
      message: '有人在案件中留言。',
      status_changed: '有参与方变更了其某个产品的状态。',
      statement_submitted: '有参与方提交了声明；须经您批准后方可发布。',
      statement_reviewed: '协调人已审核您的声明。',
      embargo_changed: '案件的禁发期已变更。',
      case_event: '案件已记录在野利用或公开披露；禁发期随之结束。',
      target_changed: '协调人变更了案件的目标日期。',
      advisory_published: '案件公告已发布；各产品状态和已批准的声明现对所有参与方可见。',
    },
    target: '目标日期',
    embargoEnds: '禁发期结束',
    open: '打开案件：',
    useLink: '请使用邀请邮件中的链接打开案件。',
  },
  ar: {
    subject: {
      invited: 'دعوة إلى المشاركة في قضية إفصاح منسَّق',
      reminder: 'تذكير: قضية إفصاح بانتظار ردّك',
      escalated: 'لم يردّ أحد المشاركين حتى التاريخ المستهدف',
      message: 'رسالة جديدة في قضية إفصاح',
      status_changed: 'تغيّرت حالة أحد المنتجات',
      statement_submitted: 'بيان بانتظار مراجعتك',
      statement_reviewed: 'تمت مراجعة بيانك',
      embargo_changed: 'تغيّر الحظر',
      case_event: 'سُجِّل استغلال أو إفصاح علني',
      target_changed: 'تغيّر التاريخ المستهدف',
      advisory_published: 'نُشرت النشرة',
    },
    body: {
      invited:
        'يدعوك منسقو قضية إفصاح عن ثغرة إلى المشاركة فيها: أن تبيّن ما إذا كانت منتجاتك متأثرة، وأن تعمل معهم على نشر منسَّق.',
      reminder: 'لا يزال المنسقون ينتظرون ردّك في هذه القضية: حالة منتجاتك، أو رسالة.',
      escalated: 'لم يقدّم أحد المشاركين أي ردّ حتى التاريخ المستهدف للقضية.',
      message: 'كتب أحدهم في القضية.',
      status_changed: 'غيّر أحد المشاركين حالة أحد منتجاته.',
      statement_submitted: 'قدّم أحد المشاركين بيانًا، ولا يُنشر إلا بعد موافقتك.',
      statement_reviewed: 'راجع المنسقون بيانك.',
      embargo_changed: 'تغيّر الحظر المفروض على القضية.',
      case_event: 'سُجِّل استغلال فعلي أو إفصاح علني في القضية، وانتهى أي حظر.',
      target_changed: 'غيّر المنسقون التاريخ المستهدف للقضية.',
      advisory_published: 'نُشرت نشرة القضية، وأصبحت الحالات والبيانات المعتمدة مرئية لجميع المشاركين.',
    },
    target: 'التاريخ المستهدف',
    embargoEnds: 'انتهاء الحظر',
    open: 'افتح القضية:',
    useLink: 'افتح القضية بالرابط الذي وصلك مع الدعوة.',
  },
};

export function caseEventTitle(event: CaseEvent, language: UnLanguageCode): string {
  return CATALOGS[language].subject[event];
}

/** `2026-12-01 17:00 UTC`: mail cannot know the reader's zone, so it names UTC. */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function buildCaseMail(
  event: CaseEvent,
  language: UnLanguageCode,
  details: { caseId: string; targetDate: string; embargoEndsAt: string | null },
  link: string | null,
): { subject: string; text: string } {
  const catalog = CATALOGS[language];
  const lines = [
    catalog.body[event],
    '',
    `${catalog.target}: ${utc(details.targetDate)}`,
    ...(details.embargoEndsAt ? [`${catalog.embargoEnds}: ${utc(details.embargoEndsAt)}`] : []),
    '',
    link ? `${catalog.open} ${link}` : catalog.useLink,
  ];
  return { subject: `[${details.caseId}] ${catalog.subject[event]}`, text: `${lines.join('\n')}\n` };
}
