export type {
  Actor,
  ActorMembership,
  AnonymousActor,
  LinkGrant,
  LinkHolderActor,
  SystemActor,
  UserActor,
} from './actor.ts';
export { ANONYMOUS } from './actor.ts';
export type { ReadScope, RecordResource } from './audience.ts';
export { mayShareOnward } from './audience.ts';
export type {
  AccessRequest,
  Action,
  ApplicationResource,
  CaseParticipantResource,
  ChairedResource,
  DisclosureAdvisoryResource,
  DisclosureCaseResource,
  DisclosureProgramResource,
  IncidentEditorialState,
  IncidentResource,
  ObjectionResource,
  OrganizationResource,
  ParticipantSeatResource,
  PlatformResource,
  PocEntryReadResource,
  PocEntryResource,
  PocHoldersResource,
  RecordSideResource,
  Resource,
  ResourceFor,
  SharingCollectionResource,
  VulnerabilityReportResource,
} from './policy.ts';
export {
  authorize,
  can,
  isCommunityMember,
  isEffectivePlatformAdmin,
  isSignedIn,
  readScope,
  roleIn,
} from './policy.ts';
export type { OrganizationRecipient, PublicRecipient, Recipient, UserRecipient } from './recipients.ts';
export { canReceive, filterRecipients } from './recipients.ts';
export type { TlpDefinition, TlpLabel } from './tlp.ts';
export { isTlpLabel, TLP_LABELS, TLP_LABELS_ORDERED, TLP_STIX_EXTENSION_ID, tlpDefinition } from './tlp.ts';
export type { Visibility } from './visibility.ts';
export { isVisibility, VISIBILITIES } from './visibility.ts';
