import type { Config } from '../../config.ts';
import type { Actor } from '../../core/access/index.ts';
import type { Db, Dialect } from '../../core/db/database.ts';
import { demoActor, demoContext, demoOrgId } from '../demo-support.ts';
import { apply, decide, settleDueApplications } from './accreditation/accreditation.service.ts';
import { contribute, createConsultation } from './consultations/consultations.service.ts';
import { createDraft, publishRevision } from './drafts/drafts.service.ts';
import { appointChair, createGroup, joinGroup } from './groups/groups.service.ts';
import { reportImplementation } from './measures/measures.service.ts';
import { createMeeting } from './meetings/meetings.service.ts';
import { createProcess } from './processes/processes.service.ts';
import { moderateStatement, submitStatement } from './statements/statements.service.ts';

// A fictional draft report: the structure of an OEWG progress report, in the demo's own words.
const SECTIONS: [string, string[]][] = [
  [
    'Introduction',
    [
      'convene to take stock of progress',
      'welcome the contributions of stakeholders',
      'recall the cumulative framework of responsible behaviour',
      'note the growing reliance on ICTs in all sectors',
      'reaffirm that the process is open, transparent and inclusive',
      'underline the value of regular institutional dialogue',
    ],
  ],
  [
    'Existing and potential threats',
    [
      'observe more ransomware against hospitals and water utilities',
      'note attacks on the availability of the public core of the Internet',
      'express concern at the use of commercial intrusion tools',
      'recognize the risk to critical information infrastructure',
      'note that small States are disproportionately affected',
      'stress the harm to people as the measure of an incident',
      'call for shared situational awareness among national CERTs',
    ],
  ],
  [
    'Rules, norms and principles',
    [
      'reaffirm the eleven voluntary norms of responsible State behaviour',
      'encourage national surveys of norm implementation',
      'invite States to share good practice on protecting critical infrastructure',
      'encourage responsible reporting of vulnerabilities',
      'invite stakeholders to help States implement the norms',
      'recognize the role of the private sector in supply-chain integrity',
      'encourage protection of emergency response teams',
    ],
  ],
  [
    'International law',
    [
      'reaffirm that international law applies to the use of ICTs',
      'encourage States to publish national positions',
      'invite further discussion of due diligence',
      'note convergence on the applicability of humanitarian law',
      'encourage capacity building on international law',
      'welcome regional exchanges of national views',
    ],
  ],
  [
    'Confidence-building measures',
    [
      'welcome the global directory of points of contact',
      'encourage States to nominate diplomatic and technical contacts',
      'recommend regular communication checks of the directory',
      'encourage the use of a standard request for assistance',
      'invite regional organizations to share their experience',
      'welcome a public repository of confidence-building measures',
      'invite stakeholders to propose implementation examples',
    ],
  ],
  [
    'Capacity building',
    [
      'reaffirm the principles of capacity building',
      'encourage needs-based and demand-driven programmes',
      'invite donors to coordinate through a common portal',
      'highlight the gender dimension of capacity building',
      'encourage South-South and triangular cooperation',
      'recognize the contribution of academia and civil society',
    ],
  ],
  [
    'Regular institutional dialogue',
    [
      'welcome the permanent mechanism and its thematic groups',
      'invite stakeholders to take part in dedicated sessions',
      'recommend that contributions be published with attribution',
      'request the secretariat to publish disposition tables',
      'decide to review the modalities after one year',
    ],
  ],
];

const DEMO_DRAFT = SECTIONS.map(
  ([title, items]) => `# ${title}\n\n${items.map((item) => `States ${item}.`).join('\n\n')}`,
).join('\n\n');

/**
 * The participation part of the demo dataset, made through the module's own services so it carries
 * audit events, search entries and feed events like real use: a process, accredited stakeholders, a
 * group with a chair, a draft under consultation with comments, a statement, a meeting and CBM reports.
 */
export async function seedParticipationDemo(db: Db, dialect: Dialect, config: Config): Promise<void> {
  const ctx = await demoContext(db, dialect, config);
  const actorFor = (email: string) => demoActor(db, email, false);
  const system: Actor = { type: 'system', label: 'demo' };
  const process = await createProcess(ctx, system, {
    title: 'Demo Global Mechanism 2026–2030',
    modalities:
      'States take part by right. Organizations with ECOSOC consultative status are accredited when the secretariat confirms it.\n\nOther organizations apply on a non-objection basis: the application circulates to the States for 10 days, and any State may object, giving its general reason. Outcomes and the list of accredited stakeholders are public; objections are seen by the secretariat only.',
    objectionPeriodDays: 10,
  });
  const institute = await actorFor('admin@institute-for-cyber-policy.demo.invalid');
  const csirt = await actorFor('admin@national-csirt.demo.invalid');
  const kenya = await actorFor('admin@ministry-of-foreign-affairs-kenya-desk.demo.invalid');
  const chile = await actorFor('admin@national-cyber-agency-chile-desk.demo.invalid');
  const instituteOrg = await demoOrgId(db, 'Demo Institute for Cyber Policy');
  const csirtOrg = await demoOrgId(db, 'Demo National CSIRT');
  const kenyaOrg = await demoOrgId(db, 'Demo Ministry of Foreign Affairs (Kenya desk)');
  const chileOrg = await demoOrgId(db, 'Demo National Cyber Agency (Chile desk)');

  const ecosoc = await apply(ctx, institute, process.id, {
    organizationId: instituteOrg,
    route: 'ecosoc',
    ecosocNumber: 'DEMO-2019-001',
    statement:
      'A fictional research institute on cyber policy, with ECOSOC consultative status in this demo.',
  });
  await decide(ctx, system, ecosoc.id, { decision: 'confirm' });
  const circulated = await apply(ctx, csirt, process.id, {
    organizationId: csirtOrg,
    route: 'non_objection',
    statement: 'A fictional national CSIRT that coordinates incident response and vulnerability disclosure.',
  });
  // The demo's objection period has passed without objection.
  await db
    .updateTable('accreditation_applications')
    .set({ circulation_ends_at: new Date(Date.now() - 1000).toISOString() })
    .where('id', '=', circulated.id)
    .execute();
  await settleDueApplications(ctx);

  const group = await createGroup(ctx, system, process.id, {
    name: 'Demo thematic group on ICT security',
    mandate:
      'Discuss threats, norms, international law and confidence-building measures, and prepare the annual progress report.',
  });
  await appointChair(ctx, system, group.id, 'admin@regional-cyber-forum.demo.invalid');
  for (const [actor, id] of [
    [kenya, kenyaOrg],
    [chile, chileOrg],
    [institute, instituteOrg],
  ] as const) {
    await joinGroup(ctx, await actorFor(actor.email), group.id, id);
  }
  const chair = await actorFor('admin@regional-cyber-forum.demo.invalid');
  const draft = await createDraft(ctx, chair, process.id, {
    groupId: group.id,
    title: 'Demo draft annual progress report',
    summary:
      'The first draft of the group’s annual progress report, open for comments paragraph by paragraph.',
    markdown: DEMO_DRAFT,
  });
  const revision = await publishRevision(ctx, chair, draft.id, 'First draft for informal consultations');
  const consultation = await createConsultation(ctx, chair, draft.id, {
    title: 'Informal consultation on the first draft',
    opensAt: new Date(Date.now() - 86_400_000).toISOString(),
    closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  const paragraph = (n: number) => revision.blocks.find((block) => block.number === n)!.key;
  await contribute(ctx, kenya, consultation.id, {
    organizationId: kenyaOrg,
    kind: 'comment',
    paragraphKey: paragraph(9),
    body: 'Water utilities in small States need specific attention here.',
  });
  await contribute(ctx, institute, consultation.id, {
    organizationId: instituteOrg,
    kind: 'amendment',
    paragraphKey: paragraph(12),
    body: 'Harm to people is the measure that matters to those affected.',
    proposedText:
      'States stress the harm to people, including to their health and livelihoods, as the measure of an incident.',
  });
  await contribute(ctx, csirt, consultation.id, {
    organizationId: csirtOrg,
    kind: 'general',
    body: 'National CSIRTs welcome the emphasis on communication checks.',
  });

  const statement = await submitStatement(ctx, institute, process.id, {
    organizationId: instituteOrg,
    kind: 'statement',
    title: 'Demo statement on the protection of health care',
    language: 'en',
    markdown:
      'Attacks on hospitals put lives at risk. We call on States to implement the norm on critical infrastructure and to report on it publicly.',
  });
  await moderateStatement(ctx, system, statement.id, { decision: 'publish' });

  await createMeeting(ctx, chair, process.id, {
    groupId: group.id,
    title: 'Demo thematic group: second meeting',
    location: 'Online and in Geneva',
    startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 14 * 86_400_000 + 3 * 3_600_000).toISOString(),
    agenda: [
      { title: 'Existing and potential threats', stakeholderSlots: 3 },
      { title: 'Confidence-building measures', stakeholderSlots: 2 },
    ],
  });

  const measures = await db
    .selectFrom('measures')
    .select(['id', 'key'])
    .where('key', 'in', ['osce-08', 'osce-16', 'un-poc-directory'])
    .execute();
  for (const measure of measures) {
    await reportImplementation(ctx, kenya, measure.id, { organizationId: kenyaOrg, status: 'implemented' });
    await reportImplementation(ctx, chile, measure.id, {
      organizationId: chileOrg,
      status: measure.key === 'osce-16' ? 'in_progress' : 'planned',
    });
  }
}
