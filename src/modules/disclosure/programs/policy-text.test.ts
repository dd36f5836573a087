import { describe, expect, it } from 'vitest';
import {
  DISCLOSURE_POLICIES,
  type DisclosurePolicy,
  escapeMarkdown,
  generatePolicyText,
  POLICY_LANGUAGES,
  type PolicyLanguage,
  PolicyTermsError,
  type ProgramTerms,
  policyTermsProblem,
  SAFE_HARBOR_LEVELS,
  type SafeHarborLevel,
} from './policy-text.ts';

const terms: ProgramTerms = {
  organizationName: 'National Cyber Agency',
  programName: 'Government networks VDP',
  scopeIn: ['portal.gov.example', 'Mobile app "CitizenID" 3.x'],
  scopeOut: ['Third-party payment provider'],
  safeHarbor: 'full',
  disclosure: { policy: 'coordinated', defaultDays: 45 },
  responseTargets: { acknowledgeDays: 4, triageDays: 12, resolveDays: 75 },
  acceptsAnonymousReports: true,
  offersPublicCredit: true,
  isStateProgram: true,
  reportUrl: 'https://cg.example.org/disclosure/programs/prg_01',
  encryptionKeyFingerprint: '5f2d e552 1c63 a801 ab59 ccb6 03d4 9de4 4b29 100f',
};

/** The second-level headings, in order, written out here so a changed catalog has to change this test too. */
const HEADINGS: Record<PolicyLanguage, string[]> = {
  en: [
    'Introduction',
    'Scope',
    'How to report',
    'What we commit to',
    'Safe harbour',
    'Disclosure',
    'Credit',
    'Rules for researchers',
  ],
  fr: [
    'Introduction',
    'Périmètre',
    'Comment signaler une vulnérabilité',
    'Nos engagements',
    'Protection juridique (safe harbour)',
    'Divulgation',
    'Mention des contributions',
    'Règles à respecter',
  ],
  es: [
    'Introducción',
    'Alcance',
    'Cómo comunicar una vulnerabilidad',
    'Nuestros compromisos',
    'Protección jurídica (puerto seguro)',
    'Divulgación',
    'Reconocimiento',
    'Normas para los investigadores',
  ],
  ru: [
    'Введение',
    'Область действия',
    'Как сообщить об уязвимости',
    'Наши обязательства',
    'Правовая защита исследователей',
    'Раскрытие информации',
    'Признание вклада',
    'Правила для исследователей',
  ],
  zh: [
    '简介',
    '范围',
    '如何报告',
    '我们的承诺',
    '安全港（法律保护）',
    '披露',
    '致谢',
    '研究人员须遵守的规则',
  ],
  ar: [
    'مقدمة',
    'النطاق',
    'كيفية الإبلاغ',
    'التزاماتنا',
    'الملاذ الآمن (الحماية القانونية)',
    'الإفصاح',
    'التنويه بالمساهمة',
    'قواعد للباحثين',
  ],
};

/** A phrase only the given safe-harbour level says, per language. */
const SAFE_HARBOR_MARKERS: Record<PolicyLanguage, Record<SafeHarborLevel, string>> = {
  en: {
    full: 'you acted with our authorization',
    partial: 'does not state that your research is authorized',
    none: 'makes no promise',
  },
  fr: {
    full: 'vous avez agi avec notre autorisation',
    partial: 'ne déclare pas vos recherches autorisées',
    none: 'ne prend aucun engagement\u00a0: la présente politique n’autorise aucun test',
  },
  es: {
    full: 'actuó con nuestra autorización',
    partial: 'no declara autorizada su investigación',
    none: 'no asume ningún compromiso',
  },
  ru: {
    full: 'вы действовали с нашего разрешения',
    partial: 'не объявляет ваше исследование санкционированным',
    none: 'не даёт никаких обещаний',
  },
  zh: { full: '经我们授权行事', partial: '并未声明您的研究已获授权', none: '不作任何承诺' },
  ar: { full: 'تصرفت بإذن منا', partial: 'لا تنص هذه السياسة على أن بحثك مأذون به', none: 'أي وعد' },
};

/** The plain statement that no safe harbour is offered, set in bold, per language. */
const NO_SAFE_HARBOR: Record<PolicyLanguage, string> = {
  en: '**No safe harbour is offered.**',
  fr: '**Aucune protection juridique n’est offerte.**',
  es: '**No se ofrece ninguna protección jurídica.**',
  ru: '**Правовая защита не предоставляется.**',
  zh: '**不提供任何安全港保护**',
  ar: '**لا تُقدَّم أي حماية قانونية (ملاذ آمن).**',
};

const DISCLOSURE_MARKERS: Record<PolicyLanguage, Record<DisclosurePolicy, string>> = {
  en: {
    coordinated: 'whichever comes first',
    discretionary: 'requires our prior written permission',
    non_disclosure: 'must remain confidential',
  },
  fr: {
    coordinated: 'selon ce qui survient en premier',
    discretionary: 'nécessite notre autorisation écrite préalable',
    non_disclosure: 'doivent rester confidentiels',
  },
  es: {
    coordinated: 'lo que ocurra primero',
    discretionary: 'requiere nuestra autorización previa por escrito',
    non_disclosure: 'deben permanecer confidenciales',
  },
  ru: {
    coordinated: 'что наступит раньше',
    discretionary: 'требуется наше предварительное письменное разрешение',
    non_disclosure: 'должны оставаться конфиденциальными',
  },
  zh: {
    coordinated: '以先到者为准',
    discretionary: '须事先获得我们的书面许可',
    non_disclosure: '须在您与我们之间保密',
  },
  ar: {
    coordinated: 'أيهما أسبق',
    discretionary: 'إذنًا كتابيًا مسبقًا منا',
    non_disclosure: 'يجب أن تبقى تفاصيل الثغرة سرية',
  },
};

/** 45 days as each language writes it after "after … / within …". */
const FORTY_FIVE_DAYS: Record<PolicyLanguage, string> = {
  en: '45 days',
  fr: '45 jours',
  es: '45 días',
  ru: '45 дней',
  zh: '45天',
  ar: '45 يومًا',
};

/** Splits the Markdown into its second-level sections, keyed by heading. */
function sectionsOf(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const part of text.split(/^## /m).slice(1)) {
    const newline = part.indexOf('\n');
    sections.set(part.slice(0, newline), part.slice(newline + 1));
  }
  return sections;
}

function hasNumber(text: string, count: number): boolean {
  return new RegExp(`(?<![0-9])${count}(?![0-9])`).test(text);
}

function refusal(run: () => unknown): PolicyTermsError {
  try {
    run();
  } catch (error) {
    if (error instanceof PolicyTermsError) return error;
    throw error;
  }
  throw new Error('expected a PolicyTermsError');
}

describe('generatePolicyText', () => {
  it('exports the languages, safe-harbour levels and disclosure policies', () => {
    expect(POLICY_LANGUAGES).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(SAFE_HARBOR_LEVELS).toEqual(['full', 'partial', 'none']);
    expect(DISCLOSURE_POLICIES).toEqual(['coordinated', 'discretionary', 'non_disclosure']);
  });

  for (const lang of POLICY_LANGUAGES) {
    describe(lang, () => {
      for (const safeHarbor of SAFE_HARBOR_LEVELS) {
        for (const policy of DISCLOSURE_POLICIES) {
          it(`renders every section with ${safeHarbor} safe harbour and ${policy} disclosure`, () => {
            const text = generatePolicyText(
              { ...terms, safeHarbor, disclosure: { policy, defaultDays: 45 } },
              lang,
            );
            const sections = sectionsOf(text);
            expect([...sections.keys()]).toEqual(HEADINGS[lang]);
            for (const [heading, body] of sections) {
              expect(body.trim(), `section "${heading}"`).not.toBe('');
            }
            expect(text.startsWith('# Government networks VDP\n\n')).toBe(true);

            const [, scope, report, commitments, harbour, disclosure, credit, rules] = [
              ...sections.values(),
            ] as string[];
            // Scope: both lists, with the organization's own lines.
            expect(scope!.match(/^### /gm)).toHaveLength(2);
            expect(scope).toContain('portal\\.gov\\.example');
            expect(scope).toContain('Third\\-party payment provider');
            // How to report: the page, seven things to include, the key.
            expect(report).toContain('<https://cg.example.org/disclosure/programs/prg_01>');
            expect(report!.match(/^- /gm)).toHaveLength(7);
            expect(report).toContain('`5F2D E552 1C63 A801 AB59 CCB6 03D4 9DE4 4B29 100F`');
            // Commitments: every target, as digits.
            for (const days of [4, 12, 75]) expect(hasNumber(commitments!, days), `${days} days`).toBe(true);
            // Safe harbour: this level's wording, and no other level's.
            for (const level of SAFE_HARBOR_LEVELS) {
              const marker = SAFE_HARBOR_MARKERS[lang][level];
              if (level === safeHarbor) expect(harbour).toContain(marker);
              else expect(harbour).not.toContain(marker);
            }
            if (safeHarbor === 'none') expect(harbour).toContain(NO_SAFE_HARBOR[lang]);
            else expect(harbour).not.toContain(NO_SAFE_HARBOR[lang]);
            // Disclosure: this policy's wording, with the default days.
            for (const other of DISCLOSURE_POLICIES) {
              const marker = DISCLOSURE_MARKERS[lang][other];
              if (other === policy) expect(disclosure).toContain(marker);
              else expect(disclosure).not.toContain(marker);
            }
            expect(disclosure).toContain(FORTY_FIVE_DAYS[lang]);
            expect(credit!.trim()).not.toBe('');
            expect(rules!.match(/^- /gm)).toHaveLength(6);
          });
        }
      }

      it('says something different for each option, and mentions State systems only for State programs', () => {
        const base = generatePolicyText(terms, lang);
        const variants = [
          { ...terms, acceptsAnonymousReports: false },
          { ...terms, offersPublicCredit: false },
          { ...terms, isStateProgram: false },
        ];
        for (const variant of variants) {
          expect(generatePolicyText(variant, lang)).not.toBe(base);
        }
        const notState = generatePolicyText({ ...terms, isStateProgram: false }, lang);
        expect(sectionsOf(base).get(HEADINGS[lang][0]!)!.split('National Cyber Agency').length).toBe(3);
        expect(sectionsOf(notState).get(HEADINGS[lang][0]!)!.split('National Cyber Agency').length).toBe(2);
      });

      it('leaves the key paragraph out when there is no key, and says there are no exclusions', () => {
        const { encryptionKeyFingerprint: _, ...withoutKey } = terms;
        const text = generatePolicyText({ ...withoutKey, scopeOut: [] }, lang);
        expect(text).not.toContain('OpenPGP');
        expect(text).not.toContain('`');
        const scope = sectionsOf(text).get(HEADINGS[lang][1]!)!;
        const outOfScope = scope.split(/^### /m)[2]!;
        expect(outOfScope).not.toMatch(/^- /m);
      });
    });
  }

  it('writes day counts with the right plural forms', () => {
    const days = (lang: PolicyLanguage, count: number) =>
      sectionsOf(
        generatePolicyText(
          { ...terms, responseTargets: { acknowledgeDays: count, triageDays: 30, resolveDays: 90 } },
          lang,
        ),
      ).get(HEADINGS[lang][3]!)!;
    expect(days('en', 1)).toContain('within 1 day;');
    expect(days('en', 2)).toContain('within 2 days;');
    expect(days('fr', 1)).toContain('dans un délai de 1 jour');
    expect(days('fr', 2)).toContain('dans un délai de 2 jours');
    expect(days('es', 1)).toContain('en un plazo de 1 día;');
    expect(days('es', 5)).toContain('en un plazo de 5 días;');
    // Russian genitive after "в течение": 1, 21 дня; 2–4, 5–20, 11–14 дней.
    expect(days('ru', 1)).toContain('в течение 1 дня;');
    expect(days('ru', 21)).toContain('в течение 21 дня;');
    expect(days('ru', 2)).toContain('в течение 2 дней;');
    expect(days('ru', 11)).toContain('в течение 11 дней;');
    expect(days('ru', 5)).toContain('в течение 5 дней;');
    expect(days('zh', 1)).toContain('在1天内');
    // Arabic number agreement after خلال.
    expect(days('ar', 1)).toContain('خلال يوم واحد؛');
    expect(days('ar', 2)).toContain('خلال يومين؛');
    expect(days('ar', 3)).toContain('خلال 3 أيام؛');
    expect(days('ar', 10)).toContain('خلال 10 أيام؛');
    expect(days('ar', 11)).toContain('خلال 11 يومًا؛');
    expect(days('ar', 100)).toContain('خلال 100 يوم؛');
    expect(days('ar', 120)).toContain('خلال 120 يومًا؛');
  });

  it('escapes names and scope lines so they cannot inject headings, links, emphasis or HTML', () => {
    const hostile: ProgramTerms = {
      ...terms,
      organizationName: '**Evil** <script>alert(1)</script>',
      programName: 'VDP](https://evil.example)',
      scopeIn: [
        '# Fake heading',
        '[click](javascript:alert(1))',
        '<img src=x onerror=alert(1)>',
        '1. not a list',
      ],
      scopeOut: ['- nested', '> quote', '`code`', 'https://evil.example/autolink', '&lt;entity'],
    };
    for (const lang of POLICY_LANGUAGES) {
      const text = generatePolicyText(hostile, lang);
      // Only the title and the fixed headings start lines with #.
      expect(text.match(/^#/gm)).toHaveLength(1 + 8 + 2);
      // No unescaped markup characters from the input survive.
      expect(text).not.toMatch(/(?<!\\)<(?:script|img)/);
      expect(text).not.toMatch(/(?<!\\)\]\(/);
      expect(text).not.toMatch(/(?<!\\)&lt;/);
      expect(text).not.toContain('https://evil');
      // Every `<` left is the report page's autolink.
      expect(text.match(/(?<!\\)</g)).toHaveLength(1);
      expect(text).toContain(escapeMarkdown('**Evil** <script>alert(1)</script>'));
      expect(text).toContain(`# ${escapeMarkdown('VDP](https://evil.example)')}\n`);
      expect(text).toContain('\\# Fake heading');
      expect(text).toContain('\\[click\\]\\(javascript\\:alert\\(1\\)\\)');
      expect(text).toContain('1\\. not a list');
      expect(text).toContain('\\- nested');
      expect(text).toContain('\\> quote');
      expect(text).toContain('\\`code\\`');
    }
  });

  it('escapes every ASCII punctuation character and nothing else', () => {
    expect(escapeMarkdown('a*b_c [d](e) <f> #g !h |i ~j \\k `l`')).toBe(
      'a\\*b\\_c \\[d\\]\\(e\\) \\<f\\> \\#g \\!h \\|i \\~j \\\\k \\`l\\`',
    );
    expect(escapeMarkdown('Ministère de l’Intérieur 内政部 وزارة')).toBe(
      'Ministère de l’Intérieur 内政部 وزارة',
    );
  });

  it('sets names and links apart from the Arabic sentence with directional isolates, and only in Arabic', () => {
    const arabic = generatePolicyText(terms, 'ar');
    expect(arabic).toContain('\u2068National Cyber Agency\u2069');
    expect(arabic).toContain('\u2068portal\\.gov\\.example\u2069');
    expect(arabic).toContain('\u2068<https://cg.example.org/disclosure/programs/prg_01>\u2069');
    for (const lang of POLICY_LANGUAGES.filter((code) => code !== 'ar')) {
      expect(generatePolicyText(terms, lang)).not.toMatch(/[\u2068\u2069]/);
    }
  });

  it('links the report page as the URL parser serializes it', () => {
    const text = generatePolicyText({ ...terms, reportUrl: 'https://cg.example.org/report?a=1>2 3' }, 'en');
    expect(text).toContain('<https://cg.example.org/report?a=1%3E2%203>');
    // A local instance without TLS still gets a working link.
    expect(generatePolicyText({ ...terms, reportUrl: 'http://localhost:8080/p/1' }, 'en')).toContain(
      '<http://localhost:8080/p/1>',
    );
  });

  it('refuses terms that cannot make a policy, with the field at fault', () => {
    const cases: [Partial<ProgramTerms> | Record<string, unknown>, string, string][] = [
      [{ organizationName: '  ' }, 'missing_value', 'organizationName'],
      [{ programName: 'a'.repeat(201) }, 'too_long', 'programName'],
      [{ scopeIn: [] }, 'missing_value', 'scopeIn'],
      [{ scopeIn: ['ok', 'two\nlines'] }, 'line_break', 'scopeIn[1]'],
      [{ scopeOut: ['tab\there'] }, 'control_character', 'scopeOut[0]'],
      [{ scopeOut: Array.from({ length: 51 }, (_, i) => `line ${i}`) }, 'too_many_lines', 'scopeOut'],
      [{ safeHarbor: 'maybe' }, 'invalid_option', 'safeHarbor'],
      [{ disclosure: { policy: 'full', defaultDays: 45 } }, 'invalid_option', 'disclosure.policy'],
      [{ disclosure: { policy: 'coordinated', defaultDays: 0 } }, 'invalid_days', 'disclosure.defaultDays'],
      [
        { responseTargets: { acknowledgeDays: 1.5, triageDays: 10, resolveDays: 90 } },
        'invalid_days',
        'responseTargets.acknowledgeDays',
      ],
      [
        { responseTargets: { acknowledgeDays: 1, triageDays: 10, resolveDays: 366 } },
        'invalid_days',
        'responseTargets.resolveDays',
      ],
      [{ reportUrl: 'javascript:alert(1)' }, 'invalid_url', 'reportUrl'],
      [{ reportUrl: 'not a url' }, 'invalid_url', 'reportUrl'],
      [{ encryptionKeyFingerprint: 'ABCD' }, 'invalid_fingerprint', 'encryptionKeyFingerprint'],
    ];
    for (const [override, reason, field] of cases) {
      const error = refusal(() => generatePolicyText({ ...terms, ...override } as ProgramTerms, 'en'));
      expect({ reason: error.reason, field: error.field }).toEqual({ reason, field });
    }
    expect(refusal(() => generatePolicyText(terms, 'de' as PolicyLanguage)).reason).toBe(
      'unsupported_language',
    );
  });

  it('becomes a 422 problem with a stable code', () => {
    const problem = policyTermsProblem(refusal(() => generatePolicyText({ ...terms, scopeIn: [] }, 'fr')));
    expect(problem.status).toBe(422);
    expect(problem.code).toBe('invalid_program_terms');
    expect(problem.extra).toEqual({ reason: 'missing_value', field: 'scopeIn' });
  });
});
