import { forbidden, unauthenticated } from '../http/errors.ts';
import type { OrgRole, VerificationStatus } from '../orgs/kinds.ts';
import type { Actor, UserActor } from './actor.ts';
import { isInRecordAudience, type ReadScope, type RecordResource } from './audience.ts';
import type { Visibility } from './visibility.ts';

/** The platform as a whole: actions that belong to no single organization. */
export interface PlatformResource {
  type: 'platform';
}

export interface OrganizationResource {
  type: 'organization';
  id: string;
  verificationStatus: VerificationStatus;
}

/**
 * An organization taking part in a process. Participation rights turn on who the organization is:
 * a verified State takes part by right, any other organization once accredited to the process.
 */
export interface ParticipantSeatResource {
  type: 'participant_seat';
  orgId: string;
  /** Accredited to the process in question (States need no accreditation). */
  isAccredited: boolean;
}

/** A thematic working group, or a draft or consultation it owns, as far as its chairs go. */
export interface ChairedResource {
  type: 'chaired';
  /** Users who chair the group; empty for process-level drafts, which the secretariat runs. */
  chairUserIds: readonly string[];
}

/** An accreditation application as the people around it see it. */
export interface ApplicationResource {
  type: 'application';
  applicantOrgId: string;
}

/** One State's objection to an application: its author and reason are not public. */
export interface ObjectionResource {
  type: 'objection';
  stateOrgId: string;
}

/** A point-of-contact entry, as far as confirming it goes: its organization and the member who holds it. */
export interface PocEntryResource {
  type: 'poc_entry';
  orgId: string;
  holderUserId: string;
}

/** A point-of-contact entry as a reader meets it in the directory. */
export interface PocEntryReadResource {
  type: 'poc_entry_read';
  orgId: string;
  isOrgVerified: boolean;
  /** The holder is still an active member of the organization. */
  isHolderCurrent: boolean;
}

/**
 * An organization acting through its points of contact, on a request for assistance it sent or received:
 * the members who hold one of its current POC entries.
 */
export interface PocHoldersResource {
  type: 'poc_holders';
  orgId: string;
  holderUserIds: readonly string[];
}

/**
 * One side of a bilateral exchange on a labelled record, e.g. the sender or one recipient of a request for
 * assistance: the thread messages and statuses that concern that organization.
 */
export interface RecordSideResource {
  type: 'record_side';
  orgId: string;
}

/** A vulnerability disclosure program: the organization that runs it, and whether it is open to reports. */
export interface DisclosureProgramResource {
  type: 'disclosure_program';
  orgId: string;
  isPublished: boolean;
}

/** A vulnerability report: the program's organization triages it; its reporter follows it. */
export interface VulnerabilityReportResource {
  type: 'vulnerability_report';
  id: string;
  programOrgId: string;
  /** The signed-in account that sent it; null for a report sent without an account. */
  reporterUserId: string | null;
}

/** A coordinated disclosure case, as far as running it goes: the organization that coordinates it. */
export interface DisclosureCaseResource {
  type: 'disclosure_case';
  coordinatorOrgId: string;
}

/**
 * A participant of a case (a vendor, an affected owner, an observer or the reporter), as the people who act
 * for it: the members of its organization, its named account, the holders of its invitation links, and for
 * the reporter the holders of the report's link.
 */
export interface CaseParticipantResource {
  type: 'case_participant';
  participantId: string;
  orgId: string | null;
  userId: string | null;
  /** For the reporter: the report whose secret link also stands for the reporter in the case. */
  reportId: string | null;
}

/** A security advisory as the public meets it: out (published at least once) and labelled. */
export interface DisclosureAdvisoryResource {
  type: 'disclosure_advisory';
  isPublished: boolean;
  /** TLP 2.0 label without the prefix: CLEAR, GREEN, AMBER, AMBER+STRICT or RED. */
  tlp: string;
}

/** Where an incident record stands in its editorial workflow. */
export type IncidentEditorialState = 'draft' | 'review' | 'published' | 'withdrawn';

/**
 * An incident record. Its owner organization writes and reviews it; once published (or withdrawn, which keeps
 * it readable with its corrections log) its visibility and TLP label decide who reads it.
 */
export interface IncidentResource {
  type: 'incident';
  editorialState: IncidentEditorialState;
  /** The record's audience: visibility, TLP, owner organization, and the organizations and people it names. */
  record: RecordResource;
  /** The member who sent the current text to review: a second member approves it. */
  submittedByUserId: string | null;
}

/**
 * A collection of shared threat objects (a TAXII 2.1 collection): who may list and read it, and which
 * organizations may add to it. Each object in it is still read as a record of its own (`record.read`).
 */
export interface SharingCollectionResource {
  type: 'sharing_collection';
  /** `null`: a collection of the instance itself, run by the secretariat. */
  ownerOrgId: string | null;
  visibility: Visibility;
  /** The organizations a `participants` collection is shared with. */
  memberOrgIds: readonly string[];
  /** The organizations that may add objects, besides the owner. */
  writerOrgIds: readonly string[];
}

/** Each action and the only kind of resource it applies to. */
interface ResourceByAction {
  'organization.create': PlatformResource;
  'organization.read': OrganizationResource;
  'organization.update': OrganizationResource;
  'organization.verify': OrganizationResource;
  'organization.members.read': OrganizationResource;
  'organization.members.manage': OrganizationResource;
  'organization.invitations.manage': OrganizationResource;
  'organization.webhooks.manage': OrganizationResource;
  'organization.audit.read': OrganizationResource;
  /** Create an API token scoped to that organization. */
  'organization.tokens.create': OrganizationResource;
  'audit.read_all': PlatformResource;
  'users.manage': PlatformResource;
  'record.read': RecordResource;
  /** Define processes, decide ECOSOC confirmations, create groups, appoint chairs. */
  'process.manage': PlatformResource;
  /** Apply for accreditation on behalf of an organization. */
  'accreditation.apply': OrganizationResource;
  /** Object, as a State, to an application in circulation. */
  'accreditation.object': OrganizationResource;
  /** See an application before its outcome is public. */
  'accreditation.read_pending': ApplicationResource;
  /** See every pending application of a process: what the secretariat and the States review. */
  'accreditation.read_all_pending': PlatformResource;
  /** Act for an organization in what it has already put forward, e.g. withdraw it from a speakers' list. */
  'organization.act_for': OrganizationResource;
  'accreditation.objection.read': ObjectionResource;
  /** Join or leave a thematic working group on behalf of an organization. */
  'group.join': ParticipantSeatResource;
  /** Run a group's drafts, consultations and dispositions. */
  'group.chair': ChairedResource;
  /** Review written contributions before they are published. */
  'statement.moderate': PlatformResource;
  /** Review proposed measures, implementation examples and fora before they are published. */
  'measure.moderate': PlatformResource;
  /** Propose a measure, an implementation example or a forum on behalf of an organization. */
  'measure.propose': OrganizationResource;
  /** Report, as a State, where it stands in implementing a measure. */
  'measure.report': OrganizationResource;
  /** Comment, propose amendments or submit a contribution on behalf of an organization. */
  'participation.contribute': ParticipantSeatResource;
  /** Nominate, edit or remove an organization's points of contact. */
  'contact.manage': OrganizationResource;
  /** Reconfirm a POC entry as still correct. */
  'contact.confirm': PocEntryResource;
  /** Search the POC directory and read entries: the verified community. */
  'contact.search': PlatformResource;
  /** Read one POC entry. */
  'contact.read': PocEntryReadResource;
  /** Read every entry, including those of unverified organizations and of holders who left: the secretariat. */
  'contact.read_all': PlatformResource;
  /** Send, acknowledge, decide, write in the thread or close, as a POC of the organization. */
  'assistance.act_for': PocHoldersResource;
  /** Run communication checks on the POC directory. */
  'exercise.manage': PlatformResource;
  /**
   * Read one organization's side of a record's bilateral exchanges (its thread messages and status), on top
   * of reading the record itself.
   */
  'record.side.read': RecordSideResource;
  /** Read a disclosure program: published ones are public. */
  'disclosure.program.read': DisclosureProgramResource;
  /** Publish and edit an organization's disclosure programs. */
  'disclosure.program.manage': OrganizationResource;
  /** Send a vulnerability report to a program, with or without an account. */
  'disclosure.report.submit': DisclosureProgramResource;
  /** Work a program's report queue: triage, assign, prioritise, answer, close. */
  'disclosure.report.triage': DisclosureProgramResource;
  /** Read one report and its thread. */
  'disclosure.report.read': VulnerabilityReportResource;
  /** Follow a report as its reporter: read it and write to the coordinators. */
  'disclosure.report.follow': VulnerabilityReportResource;
  /** Run a case: invite participants, approve statements, set and end embargoes, publish. */
  'disclosure.case.coordinate': DisclosureCaseResource;
  /** Act in a case as one of its participants: read what that role sees, answer, state, discuss. */
  'disclosure.case.act_as': CaseParticipantResource;
  /**
   * Read an advisory without a place in its case: only a published TLP:CLEAR one. Everything else about an
   * advisory is read through the case (coordinate or act_as).
   */
  'disclosure.advisory.read_public': DisclosureAdvisoryResource;
  /** Record a new incident on behalf of an organization. */
  'incident.record': OrganizationResource;
  /** Read an incident: a draft within its organization, a published one within its audience. */
  'incident.read': IncidentResource;
  /** Edit, submit to review, correct or withdraw an incident, as a member of its organization. */
  'incident.edit': IncidentResource;
  /** Approve an incident under review for publication, or return it: a member other than the submitter. */
  'incident.review': IncidentResource;
  /** List a collection and read the objects in it that one may read. */
  'sharing.collection.read': SharingCollectionResource;
  /** Add objects to a collection (TAXII POST). */
  'sharing.collection.write': SharingCollectionResource;
  /** Create, change or retire a collection. */
  'sharing.collection.manage': SharingCollectionResource;
  /** Set up and run the TAXII feeds an organization polls from other servers. */
  'sharing.feed.manage': OrganizationResource;
}

export type Action = keyof ResourceByAction;
export type ResourceFor<A extends Action> = ResourceByAction[A];
export type Resource = ResourceFor<Action>;

/** An action with its resource. A wrong pairing (`'record.read'` on an organization) does not compile. */
export type AccessRequest = { [A in Action]: [action: A, resource: ResourceByAction[A]] }[Action];

export function isSignedIn(actor: Actor): actor is UserActor {
  return actor.type === 'user';
}

/**
 * A platform admin whose powers apply right now: the sign-in passed TOTP and came through a
 * session. Platform-admin powers never flow through API tokens.
 */
export function isEffectivePlatformAdmin(actor: Actor): boolean {
  return actor.type === 'user' && actor.isPlatformAdmin && actor.hasMfa && actor.via === 'session';
}

/**
 * In the verified community: a member of a verified organization, or an effective platform admin.
 * The system counts as community too, being a trusted platform process.
 */
export function isCommunityMember(actor: Actor): boolean {
  switch (actor.type) {
    case 'anonymous':
    case 'link_holder':
      return false;
    case 'system':
      return true;
    case 'user':
      return isEffectivePlatformAdmin(actor) || actor.memberships.some((m) => m.isOrgVerified);
  }
}

/** The actor's role in the organization, or `null` when the actor is not a member of it. */
export function roleIn(actor: Actor, orgId: string): OrgRole | null {
  if (actor.type !== 'user') return null;
  return actor.memberships.find((m) => m.orgId === orgId)?.role ?? null;
}

/** The actor's reach over labelled records, for repositories to turn into SQL filters. */
export function readScope(actor: Actor): ReadScope {
  switch (actor.type) {
    case 'anonymous':
    case 'link_holder':
      return { isSignedIn: false, isCommunity: false, isSystem: false, orgIds: [] };
    case 'system':
      return { isSignedIn: true, isCommunity: true, isSystem: true, orgIds: [] };
    case 'user':
      return {
        isSignedIn: true,
        isCommunity: isCommunityMember(actor),
        isSystem: false,
        userId: actor.userId,
        orgIds: actor.memberships.map((m) => m.orgId),
        // A token carries only its organization's membership, and names count only within it.
        orgScoped: actor.via === 'token',
      };
  }
}

/** The system acts as a trusted platform process on organizations and the platform. */
function hasPlatformPowers(actor: Actor): boolean {
  return actor.type === 'system' || isEffectivePlatformAdmin(actor);
}

function membershipIn(actor: Actor, orgId: string) {
  return actor.type === 'user' ? actor.memberships.find((m) => m.orgId === orgId) : undefined;
}

/** The actor belongs to the organization, which is verified, and is a State or accredited. */
function holdsSeat(actor: Actor, seat: ParticipantSeatResource, role?: OrgRole): boolean {
  const membership = membershipIn(actor, seat.orgId);
  if (!membership?.isOrgVerified) return false;
  if (role && membership.role !== role) return false;
  return membership.orgKind === 'state' || seat.isAccredited;
}

function isViaSession(actor: Actor): boolean {
  return actor.type === 'user' && actor.via === 'session';
}

export function can(actor: Actor, ...[action, resource]: AccessRequest): boolean {
  switch (action) {
    case 'record.read':
      // No platform-admin bypass here: the secretariat does not read others' AMBER or RED material.
      return isInRecordAudience(readScope(actor), resource);
    case 'organization.create':
      return actor.type === 'system' || isViaSession(actor);
    case 'organization.read':
      return (
        resource.verificationStatus === 'verified' ||
        hasPlatformPowers(actor) ||
        roleIn(actor, resource.id) !== null
      );
    case 'organization.members.read':
      return hasPlatformPowers(actor) || roleIn(actor, resource.id) !== null;
    case 'organization.update':
    case 'organization.members.manage':
    case 'organization.invitations.manage':
    case 'organization.webhooks.manage':
    case 'organization.audit.read':
      return hasPlatformPowers(actor) || roleIn(actor, resource.id) === 'org_admin';
    case 'organization.tokens.create':
      // A token must not mint further tokens; platform admins hold no tokens for orgs they are not in.
      return actor.type === 'system' || (isViaSession(actor) && roleIn(actor, resource.id) !== null);
    case 'organization.verify':
    case 'audit.read_all':
    case 'users.manage':
    case 'process.manage':
    case 'statement.moderate':
    case 'measure.moderate':
      return hasPlatformPowers(actor);
    case 'measure.propose':
      // Any verified organization (accredited ones are verified too) may propose.
      return membershipIn(actor, resource.id)?.isOrgVerified === true;
    case 'measure.report': {
      const membership = membershipIn(actor, resource.id);
      return membership?.isOrgVerified === true && membership.orgKind === 'state';
    }
    case 'accreditation.apply': {
      // States take part by right; everyone else applies, through an admin of a verified organization.
      const membership = membershipIn(actor, resource.id);
      return membership?.role === 'org_admin' && membership.isOrgVerified && membership.orgKind !== 'state';
    }
    case 'accreditation.object': {
      const membership = membershipIn(actor, resource.id);
      return membership?.role === 'org_admin' && membership.isOrgVerified && membership.orgKind === 'state';
    }
    case 'accreditation.read_pending':
      // The secretariat, the applicant, and the States it circulates to.
      return (
        hasPlatformPowers(actor) ||
        roleIn(actor, resource.applicantOrgId) !== null ||
        (actor.type === 'user' && actor.memberships.some((m) => m.isOrgVerified && m.orgKind === 'state'))
      );
    case 'accreditation.read_all_pending':
      return (
        hasPlatformPowers(actor) ||
        (actor.type === 'user' && actor.memberships.some((m) => m.isOrgVerified && m.orgKind === 'state'))
      );
    case 'organization.act_for':
      return hasPlatformPowers(actor) || roleIn(actor, resource.id) !== null;
    case 'accreditation.objection.read':
      return hasPlatformPowers(actor) || roleIn(actor, resource.stateOrgId) !== null;
    case 'group.join':
      return holdsSeat(actor, resource, 'org_admin');
    case 'group.chair':
      return (
        hasPlatformPowers(actor) || (actor.type === 'user' && resource.chairUserIds.includes(actor.userId))
      );
    case 'participation.contribute':
      return holdsSeat(actor, resource);
    case 'contact.manage': {
      // Nominations come from the organization's admins once it is verified, or from the secretariat.
      const membership = membershipIn(actor, resource.id);
      return hasPlatformPowers(actor) || (membership?.role === 'org_admin' && membership.isOrgVerified);
    }
    case 'contact.confirm': {
      const membership = membershipIn(actor, resource.orgId);
      return (
        hasPlatformPowers(actor) ||
        (membership?.isOrgVerified === true &&
          (membership.role === 'org_admin' ||
            (actor.type === 'user' && actor.userId === resource.holderUserId)))
      );
    }
    case 'contact.search':
      return isCommunityMember(actor);
    case 'contact.read':
      // The organization's own members read its entries whatever their state; the community reads those of
      // verified organizations whose holder still answers for them.
      return (
        hasPlatformPowers(actor) ||
        roleIn(actor, resource.orgId) !== null ||
        (resource.isOrgVerified && resource.isHolderCurrent && isCommunityMember(actor))
      );
    case 'contact.read_all':
      return hasPlatformPowers(actor);
    case 'assistance.act_for':
      // Only the organization's current POCs act for it, and POCs sign in with a second factor (as FIRST
      // and Trusted Introducer require of their members). The secretariat does not act for States.
      return (
        actor.type === 'user' &&
        actor.hasMfa &&
        membershipIn(actor, resource.orgId)?.isOrgVerified === true &&
        resource.holderUserIds.includes(actor.userId)
      );
    case 'exercise.manage':
      return hasPlatformPowers(actor);
    case 'record.side.read':
      // The organization's own members, and only while they are members. An API token lists only its own
      // organization, so it never opens the side of another organization its owner belongs to. No
      // platform-admin bypass: the secretariat reads no organization's exchanges it is not part of.
      return membershipIn(actor, resource.orgId) !== undefined;
    case 'disclosure.program.read':
      return resource.isPublished || hasPlatformPowers(actor) || roleIn(actor, resource.orgId) !== null;
    case 'disclosure.program.manage': {
      // A program speaks for its organization, so only the admins of a verified organization publish one.
      const membership = membershipIn(actor, resource.id);
      return membership?.role === 'org_admin' && membership.isOrgVerified;
    }
    case 'disclosure.report.submit':
      // Researchers need no account: anyone may report to a published program.
      return resource.isPublished;
    case 'disclosure.report.triage':
      // The program's own organization works its queue; the secretariat has no view into others' reports.
      return membershipIn(actor, resource.orgId)?.isOrgVerified === true;
    case 'disclosure.report.read':
      return (
        membershipIn(actor, resource.programOrgId)?.isOrgVerified === true || isReporterOf(actor, resource)
      );
    case 'disclosure.report.follow':
      return isReporterOf(actor, resource);
    case 'disclosure.case.coordinate':
      // As with triage: the coordinating organization's own members, and no secretariat bypass.
      return membershipIn(actor, resource.coordinatorOrgId)?.isOrgVerified === true;
    case 'disclosure.case.act_as':
      return actsAsParticipant(actor, resource);
    case 'disclosure.advisory.read_public':
      // CLEAR may be shared without limit (TLP 2.0); any other label stays with the case's participants.
      return resource.isPublished && resource.tlp === 'CLEAR';
    case 'incident.record':
      // An incident record speaks for the organization that keeps it, so only verified organizations record.
      return membershipIn(actor, resource.id)?.isOrgVerified === true;
    case 'incident.read': {
      // Drafts and texts under review stay inside the owner organization; TLP:RED stays with the named people
      // even there. No secretariat bypass either way.
      const isOut = resource.editorialState === 'published' || resource.editorialState === 'withdrawn';
      const isOwnerMember =
        resource.record.ownerOrgId !== null && roleIn(actor, resource.record.ownerOrgId) !== null;
      return (isOut || isOwnerMember) && isInRecordAudience(readScope(actor), resource.record);
    }
    case 'incident.edit':
      return isIncidentEditor(actor, resource);
    case 'incident.review':
      return (
        isIncidentEditor(actor, resource) &&
        actor.type === 'user' &&
        resource.submittedByUserId !== null &&
        actor.userId !== resource.submittedByUserId
      );
    case 'sharing.collection.read':
      return (
        actor.type === 'system' ||
        isInRecordAudience(readScope(actor), {
          type: 'record',
          visibility: resource.visibility,
          tlp: null,
          ownerOrgId: resource.ownerOrgId,
          participantOrgIds: resource.memberOrgIds,
          participantUserIds: [],
        })
      );
    case 'sharing.collection.write':
      if (actor.type === 'system') return true;
      return [resource.ownerOrgId, ...resource.writerOrgIds].some(
        (orgId) => orgId !== null && membershipIn(actor, orgId)?.isOrgVerified === true,
      );
    case 'sharing.collection.manage':
      return (
        hasPlatformPowers(actor) ||
        (resource.ownerOrgId !== null && isVerifiedAdminOf(actor, resource.ownerOrgId))
      );
    case 'sharing.feed.manage':
      return hasPlatformPowers(actor) || isVerifiedAdminOf(actor, resource.id);
  }
}

function isVerifiedAdminOf(actor: Actor, orgId: string): boolean {
  const membership = membershipIn(actor, orgId);
  return membership?.role === 'org_admin' && membership.isOrgVerified;
}

/** A member of the verified owner organization who may also read the record (TLP:RED: named people only). */
function isIncidentEditor(actor: Actor, incident: IncidentResource): boolean {
  const ownerOrgId = incident.record.ownerOrgId;
  if (ownerOrgId === null || membershipIn(actor, ownerOrgId)?.isOrgVerified !== true) return false;
  return isInRecordAudience(readScope(actor), incident.record);
}

function actsAsParticipant(actor: Actor, participant: CaseParticipantResource): boolean {
  if (actor.type === 'link_holder') {
    const { kind, id } = actor.grant;
    return (
      (kind === 'case_participant' && id === participant.participantId) ||
      (kind === 'vulnerability_report' && participant.reportId !== null && id === participant.reportId)
    );
  }
  if (actor.type !== 'user') return false;
  // The coordinator chose the organization itself, so its members act for it even before it is verified.
  if (participant.orgId !== null && membershipIn(actor, participant.orgId) !== undefined) return true;
  return participant.userId !== null && actor.userId === participant.userId;
}

/** The account that sent the report, or the holder of that very report's secret link. */
function isReporterOf(actor: Actor, report: VulnerabilityReportResource): boolean {
  if (actor.type === 'link_holder') {
    return actor.grant.kind === 'vulnerability_report' && actor.grant.id === report.id;
  }
  return actor.type === 'user' && report.reporterUserId !== null && actor.userId === report.reporterUserId;
}

/**
 * Throws unless `can` allows: 401 `authentication_required` for an anonymous actor (signing in
 * might help), 403 `forbidden` for everyone else.
 */
export function authorize(actor: Actor, ...request: AccessRequest): void {
  if (can(actor, ...request)) return;
  throw actor.type === 'anonymous' ? unauthenticated() : forbidden();
}
