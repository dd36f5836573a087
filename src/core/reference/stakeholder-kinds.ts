import { ORG_KINDS, type OrgKind } from '../orgs/kinds.ts';
import type { LocalizedText } from './languages.ts';

export interface StakeholderKind {
  code: OrgKind;
  names: LocalizedText;
  descriptions: LocalizedText;
}

// Keyed by kind so that adding a kind to ORG_KINDS fails type-checking here until it is described.
const TEXTS: Readonly<Record<OrgKind, Omit<StakeholderKind, 'code'>>> = {
  state: {
    names: { ar: 'دولة', zh: '国家', en: 'State', es: 'Estado', fr: 'État', ru: 'Государство' },
    descriptions: {
      ar: 'دولة تعمل من خلال حكومتها ووزاراتها وأجهزتها العامة.',
      zh: '通过本国政府及其部委和公共机构行事的国家。',
      en: 'A State, acting through its government, ministries and public agencies.',
      es: 'Un Estado que actúa por medio de su gobierno, sus ministerios y sus organismos públicos.',
      fr: 'Un État, qui agit par l’intermédiaire de son gouvernement, de ses ministères et de ses organismes publics.',
      ru: 'Государство, действующее через своё правительство, министерства и государственные ведомства.',
    },
  },
  intergovernmental: {
    names: {
      ar: 'منظمة حكومية دولية',
      zh: '政府间组织',
      en: 'Intergovernmental organization',
      es: 'Organización intergubernamental',
      fr: 'Organisation intergouvernementale',
      ru: 'Межправительственная организация',
    },
    descriptions: {
      ar: 'منظمة أنشأتها الدول، مثل كيان تابع للأمم المتحدة أو منظمة إقليمية.',
      zh: '由国家设立的组织，如联合国实体或区域组织。',
      en: 'An organization set up by States, such as a United Nations entity or a regional organization.',
      es: 'Una organización creada por Estados, como una entidad de las Naciones Unidas o una organización regional.',
      fr: 'Une organisation créée par des États, comme une entité des Nations Unies ou une organisation régionale.',
      ru: 'Организация, созданная государствами, например структура Организации Объединённых Наций или региональная организация.',
    },
  },
  cert: {
    names: {
      ar: 'فريق CERT / CSIRT',
      zh: 'CERT / CSIRT',
      en: 'CERT / CSIRT',
      es: 'CERT / CSIRT',
      fr: 'CERT / CSIRT',
      ru: 'CERT / CSIRT',
    },
    descriptions: {
      ar: 'فريق وطني أو قطاعي للاستجابة لطوارئ الحاسوب أو لحوادث أمن الحاسوب.',
      zh: '国家级或行业级的计算机应急响应组或计算机安全事件响应组。',
      en: 'A national or sectoral computer emergency response team or computer security incident response team.',
      es: 'Un equipo nacional o sectorial de respuesta a emergencias informáticas o a incidentes de seguridad informática.',
      fr: 'Une équipe nationale ou sectorielle d’intervention en cas d’urgence informatique ou de réponse aux incidents de sécurité informatique.',
      ru: 'Национальная или отраслевая группа реагирования на компьютерные чрезвычайные ситуации или инциденты информационной безопасности.',
    },
  },
  private_sector: {
    names: {
      ar: 'القطاع الخاص',
      zh: '私营部门',
      en: 'Private sector',
      es: 'Sector privado',
      fr: 'Secteur privé',
      ru: 'Частный сектор',
    },
    descriptions: {
      ar: 'شركة أو رابطة صناعية، بما في ذلك موردو التكنولوجيا ومشغلو البنى التحتية الحيوية.',
      zh: '企业或行业协会，包括技术供应商和关键基础设施运营者。',
      en: 'A company or industry association, including technology vendors and operators of critical infrastructure.',
      es: 'Una empresa o asociación empresarial, incluidos los proveedores de tecnología y los operadores de infraestructuras críticas.',
      fr: 'Une entreprise ou une association professionnelle, y compris les fournisseurs de technologies et les exploitants d’infrastructures critiques.',
      ru: 'Компания или отраслевое объединение, в том числе поставщики технологий и операторы критически важной инфраструктуры.',
    },
  },
  civil_society: {
    names: {
      ar: 'المجتمع المدني',
      zh: '民间社会',
      en: 'Civil society',
      es: 'Sociedad civil',
      fr: 'Société civile',
      ru: 'Гражданское общество',
    },
    descriptions: {
      ar: 'منظمة غير حكومية أو مؤسسة أو شبكة تعمل من أجل المصلحة العامة.',
      zh: '为公共利益开展工作的非政府组织、基金会或网络。',
      en: 'A non-governmental organization, foundation or network working in the public interest.',
      es: 'Una organización no gubernamental, fundación o red que trabaja en favor del interés público.',
      fr: 'Une organisation non gouvernementale, une fondation ou un réseau qui œuvre dans l’intérêt général.',
      ru: 'Неправительственная организация, фонд или сеть, действующие в общественных интересах.',
    },
  },
  academia: {
    names: {
      ar: 'الأوساط الأكاديمية',
      zh: '学术界',
      en: 'Academia',
      es: 'Mundo académico',
      fr: 'Milieu universitaire',
      ru: 'Академическое сообщество',
    },
    descriptions: {
      ar: 'جامعة أو معهد بحثي أو مركز فكري.',
      zh: '大学、研究机构或智库。',
      en: 'A university, research institute or think tank.',
      es: 'Una universidad, un instituto de investigación o un centro de estudios.',
      fr: 'Une université, un institut de recherche ou un groupe de réflexion.',
      ru: 'Университет, научно-исследовательский институт или аналитический центр.',
    },
  },
  technical_community: {
    names: {
      ar: 'الأوساط التقنية',
      zh: '技术界',
      en: 'Technical community',
      es: 'Comunidad técnica',
      fr: 'Communauté technique',
      ru: 'Техническое сообщество',
    },
    descriptions: {
      ar: 'هيئة تطوّر موارد الإنترنت ومعاييره المشتركة أو تديرها، مثل سجل للعناوين أو الأسماء أو هيئة لوضع المعايير.',
      zh: '开发或运营互联网共享资源和标准的机构，如地址或域名注册管理机构、标准组织。',
      en: 'A body that develops or runs the Internet’s shared resources and standards, such as an address or name registry or a standards organization.',
      es: 'Una entidad que desarrolla o gestiona los recursos y las normas comunes de Internet, como un registro de direcciones o de nombres o un organismo de normalización.',
      fr: 'Un organisme qui élabore ou gère les ressources et les normes communes de l’Internet, comme un registre d’adresses ou de noms ou un organisme de normalisation.',
      ru: 'Организация, которая разрабатывает общие ресурсы и стандарты интернета или управляет ими, например регистратура адресов или имён либо организация по стандартизации.',
    },
  },
};

/** Every organization kind with its names and a one-line description, in the order of ORG_KINDS. */
export const STAKEHOLDER_KINDS: readonly StakeholderKind[] = Object.freeze(
  ORG_KINDS.map((code) => ({ code, ...TEXTS[code] })),
);
