import { type Catalog, pluralOf } from './catalog.ts';

export const es: Catalog = {
  headings: {
    introduction: 'Introducción',
    scope: 'Alcance',
    inScope: 'Dentro del alcance',
    outOfScope: 'Fuera del alcance',
    report: 'Cómo comunicar una vulnerabilidad',
    commitments: 'Nuestros compromisos',
    safeHarbor: 'Protección jurídica (puerto seguro)',
    disclosure: 'Divulgación',
    credit: 'Reconocimiento',
    rules: 'Normas para los investigadores',
  },
  days: (count) => (pluralOf('es', count) === 'one' ? `${count} día` : `${count} días`),
  subtitle: (org) => `${org}: política de divulgación de vulnerabilidades.`,
  introduction: (org) =>
    `${org} agradece los informes sobre vulnerabilidades de seguridad en los sistemas y productos que se indican a continuación. Esta política establece qué puede usted probar, cómo comunicarnos lo que encuentre, qué nos comprometemos a hacer a cambio y qué le pedimos.`,
  stateSystems: (org) =>
    `Como institución del Estado, ${org} acepta también informes sobre vulnerabilidades en sus propias redes y sistemas. Esos informes están dentro del alcance y se tramitan conforme a las condiciones de esta política.`,
  noExclusions: 'No se indica ninguna exclusión.',
  scopeNote:
    'Los sistemas y productos que no figuran dentro del alcance no están cubiertos por esta política. Si tiene dudas, consúltenos a través de la página de notificación antes de hacer cualquier prueba.',
  reportAt: (url) => `Comuníquenos las vulnerabilidades a través de nuestra página de notificación: ${url}.`,
  anonymousAccepted:
    'Puede enviar su informe de forma anónima. En ese caso no podremos hacerle preguntas ni mantenerle al tanto del avance, por lo que le recomendamos dejarnos alguna forma de contacto.',
  anonymousRefused:
    'No aceptamos informes anónimos: indíquenos cómo contactarle para que podamos hacerle preguntas y mantenerle al tanto del avance.',
  includeLead: 'Incluya, por favor:',
  includeItems: [
    'el producto o servicio afectado y su versión;',
    'una descripción de la vulnerabilidad;',
    'los pasos para reproducirla;',
    'su impacto, en la medida en que pueda evaluarlo;',
    'si sabe que está siendo explotada o que ya es pública;',
    'sus propios planes de divulgación, incluida cualquier fecha prevista;',
    'cómo desea que se reconozca su contribución, en su caso.',
  ],
  encryption: (fingerprint) =>
    `Para proteger la información sensible, cifre su informe con nuestra clave OpenPGP, cuya huella digital es ${fingerprint}. Compruebe la huella antes de utilizar la clave.`,
  commitmentsLead: 'Nos comprometemos a:',
  commitments: ({ acknowledge, triage, resolve }) => [
    `acusar recibo de su informe en un plazo de ${acknowledge};`,
    `realizar una evaluación inicial de su informe y comunicarle el resultado en un plazo de ${triage};`,
    `procurar corregir las vulnerabilidades confirmadas en un plazo de ${resolve} desde su informe, y mantenerle al tanto del avance;`,
    'avisarle si no podemos cumplir estos plazos y explicarle por qué.',
  ],
  daysNote: 'Los plazos se expresan en días naturales, contados desde la recepción de su informe.',
  safeHarbor: {
    full: () => [
      'Si actúa de buena fe y conforme a esta política:',
      [
        'consideramos que su investigación está autorizada y no emprenderemos ni apoyaremos acciones legales contra usted en relación con ella, tampoco por incumplimientos accidentales de esta política cometidos de buena fe;',
        'no presentaremos reclamaciones contra usted por eludir medidas técnicas de protección en el curso de esa investigación;',
        'renunciamos, para esa investigación y en la medida necesaria, a las restricciones de nuestras condiciones de uso que la impedirían;',
        'si un tercero emprende acciones legales contra usted por actividades conformes a esta política, daremos a conocer que usted actuó con nuestra autorización en el marco de esta.',
      ],
      'Este compromiso solo abarca las acciones que dependen de nosotros; no puede obligar a terceros independientes. Usted sigue siendo responsable de cumplir la legislación que le sea aplicable. Si duda de si una acción está cubierta, consúltenos antes de seguir adelante.',
    ],
    partial: () => [
      'Si actúa de buena fe y conforme a esta política, no emprenderemos ni apoyaremos acciones legales contra usted en relación con su investigación.',
      'Esta política no declara autorizada su investigación ni asume compromiso alguno respecto de acciones legales de terceros: solo nos obliga a nosotros. Usted sigue siendo responsable de cumplir la legislación que le sea aplicable. Si duda de si una acción está cubierta, consúltenos antes de seguir adelante.',
    ],
    none: (org) => [
      `**No se ofrece ninguna protección jurídica.** ${org} no asume ningún compromiso: esta política no autoriza ninguna prueba ni le protege frente a acciones legales, ni nuestras ni de nadie. Antes de hacer pruebas, tenga en cuenta la legislación que le sea aplicable. Aun así, puede comunicarnos cualquier vulnerabilidad que haya encontrado a través de la página de notificación.`,
    ],
  },
  disclosure: {
    coordinated: (days) =>
      `Aplicamos la divulgación coordinada. Salvo que acordemos otra cosa con usted, puede publicar los detalles de la vulnerabilidad una vez que haya una corrección disponible o al cabo de ${days} desde su informe, lo que ocurra primero. Avísenos antes de publicar. Si una corrección necesita más tiempo, podemos pedirle que espere: toda prórroga se acuerda con usted.`,
    discretionary: (days) =>
      `Publicar los detalles de la vulnerabilidad, o compartirlos con terceros, requiere nuestra autorización previa por escrito. Puede solicitarla una vez corregida la vulnerabilidad o al cabo de ${days} desde su informe, y le daremos una respuesta motivada.`,
    non_disclosure: (days) =>
      `Los detalles de la vulnerabilidad deben permanecer confidenciales entre usted y nosotros, incluso después de corregida: no los publique ni los comparta con nadie. Si la vulnerabilidad no está corregida al cabo de ${days} desde su informe, puede pedirnos que recurramos a un coordinador, como un equipo nacional de respuesta a incidentes informáticos (CERT).`,
  },
  creditOffered:
    'Con su consentimiento, reconocemos públicamente su contribución, con su nombre o con un seudónimo, según prefiera, en el aviso de seguridad sobre la vulnerabilidad. Indíquenos en su informe cómo desea figurar; también puede optar por no figurar.',
  creditNotOffered:
    'No publicamos reconocimientos de los informes. Agradecemos directamente a cada persona que nos comunica una vulnerabilidad.',
  rulesLead: 'Le pedimos que:',
  rules: [
    'actúe de buena fe y pruebe solo lo que está dentro del alcance;',
    'no acceda a más datos de los necesarios para demostrar la vulnerabilidad, ni copie, conserve, modifique o elimine datos más allá de esa prueba;',
    'no degrade ni interrumpa nuestros servicios ni la experiencia de otros usuarios, por ejemplo con pruebas de denegación de servicio;',
    'nunca exija un pago ni ninguna otra ventaja a cambio de información sobre una vulnerabilidad, ni amenace con publicarla;',
    'se detenga en cuanto encuentre datos personales, no siga accediendo a ellos, nos lo comunique de inmediato y elimine cualquier copia que tenga;',
    'nos comunique las vulnerabilidades sin demora y mantenga sus detalles en confidencialidad, como se indica en la sección de divulgación.',
  ],
};
