import type { AppContext } from '../../../core/context.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import {
  deleteObjects,
  ensureInstanceCollection,
  type InstanceCollectionSpec,
  putObjects,
} from '../../sharing/index.ts';
import type { IncidentOut } from '../incidents.schemas.ts';
import { incidentToStix, type StixObject } from '../stix/export.ts';
import { stixExportOptions } from './stix-options.ts';

/** The instance's TAXII collection of published incidents; each object keeps its record's audience. */
export const INCIDENTS_COLLECTION: InstanceCollectionSpec = {
  key: 'incidents',
  title: 'Published incidents',
  description:
    'Incident records published on this instance, as STIX 2.1 (Incident Core Extension, UN norms extension). Each reader receives the records their organization may read under TLP and visibility.',
  visibility: 'public',
  defaultTlp: 'TLP:CLEAR',
};

/**
 * The objects an incident owns (the incident, its impacts, event, victims, reports, attribution relationships,
 * notes and sightings): created by the recording organization. Objects incidents share (countries, actors,
 * attributors, the organization itself, definitions) stay when one incident leaves.
 */
function ownedObjectIds(objects: StixObject[]): string[] {
  const incident = objects.find((object) => object.type === 'incident');
  const creator = incident?.created_by_ref;
  return objects
    .filter((object) => creator !== undefined && object.created_by_ref === creator)
    .map((object) => object.id);
}

/**
 * Puts a published incident's current STIX objects into the incidents collection, in the caller's
 * transaction, so TAXII clients poll every publication and correction. A TLP:RED record is for named people
 * only and never goes to a collection (its objects leave if it was narrowed to RED).
 */
export async function shareIncident(ctx: AppContext, trx: Trx, incident: IncidentOut): Promise<void> {
  const collectionId = await ensureInstanceCollection(trx, INCIDENTS_COLLECTION);
  const objects = incidentToStix(incident, stixExportOptions(ctx)) as StixObject[];
  const owned = ownedObjectIds(objects);
  // Everything the incident shared before goes first, every version: a correction may have narrowed the
  // audience or removed a victim, a source or an attribution, and none of it may stay behind.
  const previous = await trx
    .selectFrom('incident_shared_objects')
    .select('stix_id')
    .where('incident_id', '=', incident.id)
    .execute();
  await deleteObjects(trx, collectionId, [...previous.map((row) => row.stix_id), ...owned]);
  await trx.deleteFrom('incident_shared_objects').where('incident_id', '=', incident.id).execute();
  if (incident.tlp === 'TLP:RED' || incident.editorialState !== 'published') return;
  for (let start = 0; start < owned.length; start += 500) {
    await trx
      .insertInto('incident_shared_objects')
      .values(
        owned.slice(start, start + 500).map((stixId) => ({ incident_id: incident.id, stix_id: stixId })),
      )
      .execute();
  }
  await putObjects(trx, collectionId, objects, {
    ownerOrgId: incident.organization.id,
    visibility: incident.visibility as 'public',
    tlp: incident.tlp as 'TLP:CLEAR',
  });
}
