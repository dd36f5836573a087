import { unprocessable } from '../../core/http/errors.ts';
/**
 * The "minimum necessary information" guard: finds what looks like personal data in free text before a
 * request leaves, so the sender removes it or confirms it is needed. A warning, not a filter: it errs on
 * the side of technical indicators (IP addresses, CVE ids, hashes, timestamps, version numbers), which a
 * request for assistance is full of and which must never be flagged.
 */

export type PersonalDataKind = 'email' | 'phone' | 'signature_name';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The text found, as written. */
  excerpt: string;
  /** UTF-16 offsets into the text, `end` exclusive. */
  start: number;
  end: number;
}

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

/*
 * A phone candidate: an optional '+', then digits in groups separated by single spaces, hyphens, dots or
 * parentheses. It must not touch a letter, digit or another indicator character on either side, which
 * keeps out digits inside hashes, CVE ids (CVE-2021-44228), IP addresses with ports and file names.
 */
const PHONE_CANDIDATE =
  /(?<![\p{L}\p{N}_+.\-/:#@])(?:\+|\(\+?)?\d(?:[ \-.()]{1,2}\(?\d|\d)+(?![\p{L}\p{N}_]|[.\-/:,]\d|\)?[.\-/:]\d)/gu;

function isPhoneLike(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return false;
  // 00 is the international prefix in most of the world; 00 + country code + number is 11 digits or more.
  const isInternational =
    candidate.startsWith('+') ||
    candidate.startsWith('(+') ||
    (candidate.startsWith('00') && digits.length >= 11);
  const groups = candidate.split(/[^\d]+/).filter((group) => group.length > 0);
  // Dates and timestamps: 2024-01-15, 15/01/2024, 2024.01.15 10.
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}(?!\d)/.test(candidate)) return false;
  if (/^\d{1,2}[-./]\d{1,2}[-./]\d{4}(?!\d)/.test(candidate)) return false;
  if (candidate.includes('.')) {
    // Dotted quads are IP addresses or version numbers; dotted phone numbers have 3 or 5 groups of 2-4 digits.
    if (isInternational) return groups.length !== 4 || digits.length >= 11;
    if (groups.length === 4) return false;
    if (digits.length < 10 || (groups.length !== 3 && groups.length !== 5)) return false;
    return groups.every((group) => group.length >= 2 && group.length <= 4);
  }
  if (groups.length === 1) {
    // An unbroken run of digits is a phone number only with an international or trunk prefix; otherwise
    // it is more likely a Unix timestamp, a ticket number or an AS number.
    return isInternational || (digits.startsWith('0') && digits.length >= 9 && digits.length <= 11);
  }
  if (isInternational) return true;
  // Thousands separators (12 345 678) rather than a phone number.
  const [first, ...rest] = groups;
  if (first !== undefined && first.length <= 3 && rest.every((group) => group.length === 3)) return false;
  // Phone groups are at least two digits, but for a leading country or trunk code.
  return rest.every((group) => group.length >= 2) && groups.length <= 6;
}

/** Closing lines after which a signature follows, in the six UN languages and a few others. */
const CLOSINGS = [
  'regards',
  'best regards',
  'kind regards',
  'warm regards',
  'warmest regards',
  'best wishes',
  'best',
  'sincerely',
  'yours sincerely',
  'sincerely yours',
  'yours faithfully',
  'yours truly',
  'thanks',
  'thank you',
  'many thanks',
  'cheers',
  'respectfully',
  'cordialement',
  'bien cordialement',
  'très cordialement',
  'bien à vous',
  'salutations',
  'meilleures salutations',
  'sincères salutations',
  'saludos',
  'saludos cordiales',
  'un saludo',
  'un cordial saludo',
  'atentamente',
  'cordialmente',
  'с уважением',
  'с наилучшими пожеланиями',
  'всего доброго',
  'спасибо',
  'مع التحية',
  'مع خالص التحية',
  'مع أطيب التحيات',
  'مع التحيات',
  'تحياتي',
  'وتفضلوا بقبول فائق الاحترام',
  '此致',
  '致礼',
  '敬礼',
  '此致敬礼',
  '顺祝商祺',
  '祝好',
  '谢谢',
];
const CLOSING_SET = new Set(CLOSINGS);

function normalizeLine(line: string): string {
  return line
    .trim()
    .replace(/[\s,.!:;،؛！，。：]+$/u, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function isClosing(line: string): boolean {
  return CLOSING_SET.has(normalizeLine(line));
}

function isSignatureDelimiter(line: string): boolean {
  return /^--\s?$/.test(line.replace(/\r$/, ''));
}

/** Words that name teams and offices rather than people. */
const NON_PERSON_WORDS = new Set([
  'team',
  'desk',
  'centre',
  'center',
  'office',
  'department',
  'unit',
  'division',
  'service',
  'services',
  'ministry',
  'agency',
  'authority',
  'group',
  'operations',
  'duty',
  'secretariat',
  'équipe',
  'cellule',
  'ministère',
  'agence',
  'equipo',
  'centro',
  'ministerio',
  'agencia',
  'команда',
  'группа',
  'центр',
  'служба',
  'министерство',
  'агентство',
  'فريق',
  'مركز',
  'وزارة',
  'هيئة',
]);

const NAME_WORD =
  /^(?:\p{Lu}\.|\p{Lu}\p{Ll}*(?:[-’']\p{Lu}?[\p{Ll}]+)*|(?:de|da|del|van|von|der|la|le|di|du|bin|ibn|al)|(?:al-|el-)\p{Lu}[\p{Ll}]+)$/u;
const ARABIC_WORD = /^[\u0621-\u064A\u0671-\u06D3]{2,}$/u;
const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

function looksLikePersonalName(line: string): boolean {
  const text = line.trim().replace(/[,.;]$/, '');
  if (text.length < 2 || text.length > 60 || /[\p{N}@/:]/u.test(text)) return false;
  if (HAN_NAME.test(text)) return true;
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (words.some((word) => NON_PERSON_WORDS.has(word.toLowerCase()))) return false;
  if (words.every((word) => ARABIC_WORD.test(word))) return true;
  // Capitalized words (Latin, Cyrillic, Greek…), with particles and initials; at least two real name words.
  if (!words.every((word) => NAME_WORD.test(word))) return false;
  return words.some((word) => /^\p{Lu}[^.]/u.test(word));
}

function findSignatureNames(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const found = new Set<number>();
  const lines: { text: string; start: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line.replace(/\r$/, ''), start: offset });
    offset += line.length + 1;
  }
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line || !(isClosing(line.text) || isSignatureDelimiter(line.text))) continue;
    // The name is on one of the next few non-empty lines, after any further closing (此致 / 敬礼).
    let seen = 0;
    for (let next = index + 1; next < lines.length && seen < 2; next++) {
      const candidate = lines[next];
      if (!candidate || candidate.text.trim() === '') continue;
      if (isClosing(candidate.text)) continue;
      seen++;
      if (looksLikePersonalName(candidate.text)) {
        const leading = candidate.text.length - candidate.text.trimStart().length;
        const excerpt = candidate.text.trim();
        const start = candidate.start + leading;
        // 此致 and 敬礼 are both closings: the name after them is found once.
        if (found.has(start)) break;
        found.add(start);
        findings.push({ kind: 'signature_name', excerpt, start, end: start + excerpt.length });
        break;
      }
    }
  }
  return findings;
}

/** What in the text looks like personal data, in order of position. */
export function detectPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const emailRanges: [number, number][] = [];
  for (const match of text.matchAll(EMAIL)) {
    const start = match.index;
    findings.push({ kind: 'email', excerpt: match[0], start, end: start + match[0].length });
    emailRanges.push([start, start + match[0].length]);
  }
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const excerpt = match[0].replace(/[\s(]+$/, '');
    const start = match.index;
    if (emailRanges.some(([from, to]) => start < to && start + excerpt.length > from)) continue;
    if (isPhoneLike(excerpt)) findings.push({ kind: 'phone', excerpt, start, end: start + excerpt.length });
  }
  findings.push(...findSignatureNames(text));
  return findings.sort((a, b) => a.start - b.start);
}

/**
 * The "minimum necessary information" guard: refuses texts that look like they hold personal data unless
 * the author confirmed it is necessary. The problem lists each finding with the field it is in; a confirmed
 * text's findings are returned, for the audit trail to say so.
 */
export function guardPersonalData(
  texts: Readonly<Record<string, string>>,
  isConfirmed: boolean | undefined,
): (PersonalDataFinding & { field: string })[] {
  const findings = Object.entries(texts).flatMap(([field, text]) =>
    detectPersonalData(text).map((finding) => ({ field, ...finding })),
  );
  if (findings.length === 0 || isConfirmed === true) return findings;
  throw unprocessable(
    'personal_data_detected',
    'The text seems to contain personal data. Remove what is not necessary, or confirm with personalDataConfirmed.',
    { findings },
  );
}
