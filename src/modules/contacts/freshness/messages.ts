import type { UnLanguageCode } from '../../../core/reference/languages.ts';

/**
 * The directory's mail and notices in the six UN languages: to the member nominated as a point of
 * contact, the reminder before an entry's validity ends, and the warning to the organization's admins
 * when it has ended. Placeholders are filled by the functions below, never by string concatenation in
 * callers, so every language says the same thing.
 */

export interface EntryFacts {
  orgName: string;
  /** The role's label in the message's language (codes.ts pocRoleLabel). */
  roleLabel: string;
  entryName: string;
  /** ISO 8601; shown as a date in the message's language. */
  validUntil: string;
}

export interface Message {
  subject: string;
  /** The in-app notice's title and the e-mail's first line. */
  title: string;
  text: string;
}

function formatDate(iso: string, language: UnLanguageCode): string {
  return `${new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso))} (UTC)`;
}

type Template = (facts: EntryFacts & { date: string; link: string }) => Message;

const NOMINATED: Record<UnLanguageCode, Template> = {
  en: (f) => ({
    subject: `You are now a point of contact for ${f.orgName}`,
    title: `Nominated: ${f.roleLabel}, ${f.orgName}`,
    text:
      `${f.orgName} has named you as its ${f.roleLabel} ("${f.entryName}") in the Common Ground directory.\n\n` +
      `Verified members of the community can now find this entry and reach you through it. ` +
      `Please check the details, and keep two-factor sign-in on: points of contact need it to act on requests for assistance.\n\n` +
      `The entry is confirmed until ${f.date}. Before then you will be asked to reconfirm it.\n\n${f.link}`,
  }),
  fr: (f) => ({
    subject: `Vous êtes désormais point de contact pour ${f.orgName}`,
    title: `Désignation : ${f.roleLabel}, ${f.orgName}`,
    text:
      `${f.orgName} vous a désigné(e) comme ${f.roleLabel} (« ${f.entryName} ») dans l’annuaire de Common Ground.\n\n` +
      `Les membres vérifiés de la communauté peuvent désormais trouver cette entrée et vous joindre par son intermédiaire. ` +
      `Veuillez en vérifier les informations et garder la connexion à deux facteurs activée : les points de contact en ont besoin pour traiter les demandes d’assistance.\n\n` +
      `L’entrée est confirmée jusqu’au ${f.date}. Il vous sera demandé de la reconfirmer avant cette date.\n\n${f.link}`,
  }),
  es: (f) => ({
    subject: `Ahora es punto de contacto de ${f.orgName}`,
    title: `Designación: ${f.roleLabel}, ${f.orgName}`,
    text:
      `${f.orgName} le ha designado como ${f.roleLabel} («${f.entryName}») en el directorio de Common Ground.\n\n` +
      `Los miembros verificados de la comunidad ya pueden encontrar esta entrada y comunicarse con usted a través de ella. ` +
      `Revise los datos y mantenga activado el inicio de sesión en dos pasos: los puntos de contacto lo necesitan para atender solicitudes de asistencia.\n\n` +
      `La entrada está confirmada hasta el ${f.date}. Antes de esa fecha se le pedirá que la vuelva a confirmar.\n\n${f.link}`,
  }),
  ru: (f) => ({
    subject: `Вы назначены контактным пунктом ${f.orgName}`,
    title: `Назначение: ${f.roleLabel}, ${f.orgName}`,
    text:
      `${f.orgName} назначила вас как «${f.roleLabel}» («${f.entryName}») в справочнике Common Ground.\n\n` +
      `Проверенные участники сообщества теперь могут найти эту запись и связаться с вами через неё. ` +
      `Пожалуйста, проверьте данные и не отключайте двухфакторный вход: он нужен контактным пунктам для работы с запросами о помощи.\n\n` +
      `Запись подтверждена до ${f.date}. До этой даты вас попросят подтвердить её снова.\n\n${f.link}`,
  }),
  zh: (f) => ({
    subject: `您已成为${f.orgName}的联络点`,
    title: `提名：${f.roleLabel}，${f.orgName}`,
    text:
      `${f.orgName}已在 Common Ground 名录中将您指定为其${f.roleLabel}（“${f.entryName}”）。\n\n` +
      `经核实的社区成员现在可以找到该条目并通过它与您联系。请核对相关信息，并保持双重身份验证登录处于开启状态：联络点处理援助请求时需要它。\n\n` +
      `该条目的确认有效期至${f.date}。在此之前，系统会请您重新确认。\n\n${f.link}`,
  }),
  ar: (f) => ({
    subject: `أصبحتَ جهة اتصال لـ ${f.orgName}`,
    title: `تسمية: ${f.roleLabel}، ${f.orgName}`,
    text:
      `سمّتك ${f.orgName} بصفة ${f.roleLabel} («${f.entryName}») في دليل Common Ground.\n\n` +
      `يمكن الآن لأعضاء المجتمع الذين جرى التحقق منهم العثور على هذا القيد والتواصل معك من خلاله. ` +
      `يُرجى مراجعة البيانات وإبقاء تسجيل الدخول بعاملين مفعّلًا، إذ تحتاجه جهات الاتصال للتعامل مع طلبات المساعدة.\n\n` +
      `القيد مؤكَّد حتى ${f.date}، وسيُطلب منك إعادة تأكيده قبل ذلك التاريخ.\n\n${f.link}`,
  }),
};

const REMINDER: Record<UnLanguageCode, Template> = {
  en: (f) => ({
    subject: `Please reconfirm your point-of-contact entry by ${f.date}`,
    title: `Reconfirm by ${f.date}: ${f.entryName}`,
    text:
      `The entry "${f.entryName}" (${f.roleLabel}, ${f.orgName}) in the Common Ground directory is confirmed until ${f.date}. ` +
      `After that date it shows as stale and the organization's admins are told.\n\n` +
      `If the details are still right, confirm them with one click (the link works once):\n${f.link}\n\n` +
      `If something has changed, sign in and edit the entry instead; saving it confirms it too.`,
  }),
  fr: (f) => ({
    subject: `Merci de reconfirmer votre entrée de point de contact avant le ${f.date}`,
    title: `À reconfirmer avant le ${f.date} : ${f.entryName}`,
    text:
      `L’entrée « ${f.entryName} » (${f.roleLabel}, ${f.orgName}) de l’annuaire de Common Ground est confirmée jusqu’au ${f.date}. ` +
      `Passé cette date, elle apparaîtra comme périmée et les administrateurs de l’organisation en seront informés.\n\n` +
      `Si les informations sont toujours exactes, confirmez-les en un clic (le lien ne fonctionne qu’une fois) :\n${f.link}\n\n` +
      `Si quelque chose a changé, connectez-vous et modifiez plutôt l’entrée ; l’enregistrer la confirme aussi.`,
  }),
  es: (f) => ({
    subject: `Vuelva a confirmar su entrada de punto de contacto antes del ${f.date}`,
    title: `Confirmar antes del ${f.date}: ${f.entryName}`,
    text:
      `La entrada «${f.entryName}» (${f.roleLabel}, ${f.orgName}) del directorio de Common Ground está confirmada hasta el ${f.date}. ` +
      `Después de esa fecha aparecerá como desactualizada y se avisará a los administradores de la organización.\n\n` +
      `Si los datos siguen siendo correctos, confírmelos con un clic (el enlace funciona una sola vez):\n${f.link}\n\n` +
      `Si algo ha cambiado, inicie sesión y edite la entrada; al guardarla también queda confirmada.`,
  }),
  ru: (f) => ({
    subject: `Подтвердите запись контактного пункта до ${f.date}`,
    title: `Подтвердить до ${f.date}: ${f.entryName}`,
    text:
      `Запись «${f.entryName}» (${f.roleLabel}, ${f.orgName}) в справочнике Common Ground подтверждена до ${f.date}. ` +
      `После этой даты она будет отмечена как устаревшая, а администраторы организации получат уведомление.\n\n` +
      `Если данные по-прежнему верны, подтвердите их одним нажатием (ссылка действует один раз):\n${f.link}\n\n` +
      `Если что-то изменилось, войдите в систему и отредактируйте запись; сохранение также подтверждает её.`,
  }),
  zh: (f) => ({
    subject: `请在${f.date}之前重新确认您的联络点条目`,
    title: `请在${f.date}之前确认：${f.entryName}`,
    text:
      `Common Ground 名录中的条目“${f.entryName}”（${f.roleLabel}，${f.orgName}）的确认有效期至${f.date}。` +
      `过期后，该条目将显示为过时，并会通知该组织的管理员。\n\n` +
      `如果信息仍然准确，请一键确认（链接仅可使用一次）：\n${f.link}\n\n` +
      `如有变动，请登录并编辑该条目；保存即视为确认。`,
  }),
  ar: (f) => ({
    subject: `يُرجى إعادة تأكيد قيد جهة الاتصال الخاص بك قبل ${f.date}`,
    title: `أعِد التأكيد قبل ${f.date}: ${f.entryName}`,
    text:
      `القيد «${f.entryName}» (${f.roleLabel}، ${f.orgName}) في دليل Common Ground مؤكَّد حتى ${f.date}. ` +
      `بعد هذا التاريخ سيظهر على أنه قديم، وسيُبلَّغ مشرفو المنظمة بذلك.\n\n` +
      `إذا كانت البيانات لا تزال صحيحة، فأكِّدها بنقرة واحدة (يعمل الرابط مرة واحدة فقط):\n${f.link}\n\n` +
      `وإذا تغيّر شيء، فسجِّل الدخول وعدِّل القيد بدلًا من ذلك؛ فحفظه يؤكده أيضًا.`,
  }),
};

const EXPIRED: Record<UnLanguageCode, Template> = {
  en: (f) => ({
    subject: `Point-of-contact entry out of date: ${f.entryName}`,
    title: `Stale point of contact: ${f.entryName}`,
    text:
      `The entry "${f.entryName}" (${f.roleLabel}) of ${f.orgName} was confirmed until ${f.date} and has not been reconfirmed. ` +
      `The directory now shows it as stale, and others may not trust it to reach you in an incident.\n\n` +
      `As an admin of ${f.orgName}, please reconfirm it, correct it or name another point of contact:\n${f.link}`,
  }),
  fr: (f) => ({
    subject: `Entrée de point de contact périmée : ${f.entryName}`,
    title: `Point de contact périmé : ${f.entryName}`,
    text:
      `L’entrée « ${f.entryName} » (${f.roleLabel}) de ${f.orgName} était confirmée jusqu’au ${f.date} et n’a pas été reconfirmée. ` +
      `L’annuaire l’affiche désormais comme périmée, et d’autres pourraient ne pas s’y fier pour vous joindre en cas d’incident.\n\n` +
      `En tant qu’administrateur de ${f.orgName}, veuillez la reconfirmer, la corriger ou désigner un autre point de contact :\n${f.link}`,
  }),
  es: (f) => ({
    subject: `Entrada de punto de contacto desactualizada: ${f.entryName}`,
    title: `Punto de contacto desactualizado: ${f.entryName}`,
    text:
      `La entrada «${f.entryName}» (${f.roleLabel}) de ${f.orgName} estaba confirmada hasta el ${f.date} y no se ha vuelto a confirmar. ` +
      `El directorio la muestra ahora como desactualizada, y otros podrían no confiar en ella para comunicarse con ustedes ante un incidente.\n\n` +
      `Como administrador de ${f.orgName}, vuelva a confirmarla, corríjala o designe otro punto de contacto:\n${f.link}`,
  }),
  ru: (f) => ({
    subject: `Запись контактного пункта устарела: ${f.entryName}`,
    title: `Устаревший контактный пункт: ${f.entryName}`,
    text:
      `Запись «${f.entryName}» (${f.roleLabel}) организации ${f.orgName} была подтверждена до ${f.date} и не подтверждена снова. ` +
      `Теперь справочник показывает её как устаревшую, и другие могут не полагаться на неё, чтобы связаться с вами при инциденте.\n\n` +
      `Как администратор ${f.orgName}, подтвердите или исправьте запись либо назначьте другой контактный пункт:\n${f.link}`,
  }),
  zh: (f) => ({
    subject: `联络点条目已过时：${f.entryName}`,
    title: `过时的联络点：${f.entryName}`,
    text:
      `${f.orgName}的条目“${f.entryName}”（${f.roleLabel}）的确认有效期至${f.date}，但尚未重新确认。` +
      `名录现已将其显示为过时，其他方在发生事件时可能不会依赖它与您联系。\n\n` +
      `作为${f.orgName}的管理员，请重新确认或更正该条目，或指定其他联络点：\n${f.link}`,
  }),
  ar: (f) => ({
    subject: `قيد جهة اتصال منتهي الصلاحية: ${f.entryName}`,
    title: `جهة اتصال قديمة: ${f.entryName}`,
    text:
      `كان القيد «${f.entryName}» (${f.roleLabel}) التابع لـ ${f.orgName} مؤكَّدًا حتى ${f.date} ولم يُعَد تأكيده. ` +
      `يعرضه الدليل الآن على أنه قديم، وقد لا يعتمد عليه الآخرون للتواصل معكم عند وقوع حادث.\n\n` +
      `بصفتك مشرفًا في ${f.orgName}، يُرجى إعادة تأكيده أو تصحيحه أو تسمية جهة اتصال أخرى:\n${f.link}`,
  }),
};

function render(
  templates: Record<UnLanguageCode, Template>,
  language: UnLanguageCode,
  facts: EntryFacts,
  link: string,
) {
  return templates[language]({ ...facts, date: formatDate(facts.validUntil, language), link });
}

/** To the member named as a point of contact; `link` leads to the entry. */
export function nominatedMessage(language: UnLanguageCode, facts: EntryFacts, link: string): Message {
  return render(NOMINATED, language, facts, link);
}

/** To the entry's address before its validity ends; `link` is the one-click reconfirm link. */
export function reminderMessage(language: UnLanguageCode, facts: EntryFacts, link: string): Message {
  return render(REMINDER, language, facts, link);
}

/** To the organization's admins once the entry is stale; `link` leads to the entry. */
export function expiredMessage(language: UnLanguageCode, facts: EntryFacts, link: string): Message {
  return render(EXPIRED, language, facts, link);
}
