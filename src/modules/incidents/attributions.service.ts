import type { Actor } from '../../core/access/index.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { newId, nowIso } from '../../core/db/ids.ts';
import { inTransaction, type Trx } from '../../core/db/transaction.ts';
import { AppError, conflict, notFound } from '../../core/http/errors.ts';
import { isCountryCode } from '../../core/reference/countries.ts';
import { shareIncident } from './exchange/taxii-share.ts';
import {
  actorNameKey,
  findActorByKey,
  findIncidentRow,
  type IncidentRow,
  nextChangeSeq,
} from './incidents.repository.ts';
import type { AttributionInput, IncidentOut } from './incidents.schemas.ts';
import { getEditableIncident, presentFull } from './incidents.service.ts';

export function checkAttribution(input: AttributionInput): void {
  for (const [field, code] of [
    ['attributedBy', input.attributedBy.country],
    ['actor', input.actor.sponsorCountry],
  ] as const) {
    if (code && !isCountryCode(code))
      throw new AppError(422, 'invalid_attribution', `${code} is not an ISO 3166-1 country code.`, {
        extra: { field },
      });
  }
}

/**
 * The actor an attribution names, created on first mention. Only the name and kind are shared between
 * records; what a claim says of aliases and sponsor stays with the claim, so a draft or a TLP:AMBER record
 * never shows through another record's actor.
 */
async function resolveActor(trx: Trx, input: AttributionInput['actor']): Promise<string> {
  const nameKey = actorNameKey(input.name);
  const existing = await findActorByKey(trx, nameKey);
  if (existing) return existing.id;
  const id = newId('act');
  await trx
    .insertInto('incident_actors')
    .values({
      id,
      name: input.name.trim(),
      name_key: nameKey,
      kind: input.kind ?? 'threat_actor',
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** Keeps the earliest attribution date on the incident, and logs changes to a published record publicly. */
async function afterAttributionChange(
  ctx: AppContext,
  trx: Trx,
  incident: IncidentRow,
  actor: Actor,
  note: string,
): Promise<void> {
  const remaining = await trx
    .selectFrom('incident_attributions')
    .select(['actor_id', 'attributed_on'])
    .where('incident_id', '=', incident.id)
    .orderBy('attributed_on')
    .execute();
  const now = nowIso();
  await trx
    .updateTable('incidents')
    .set({
      first_attributed_on: remaining[0]?.attributed_on ?? null,
      actor_ids: JSON.stringify([...new Set(remaining.map((row) => row.actor_id))]),
      updated_at: now,
      change_seq: await nextChangeSeq(trx),
      ...(incident.editorial_state === 'published' ? { version: incident.version + 1 } : {}),
    })
    .where('id', '=', incident.id)
    .execute();
  if (incident.editorial_state === 'published') {
    await trx
      .insertInto('incident_corrections')
      .values({
        id: newId('icr'),
        incident_id: incident.id,
        kind: 'correction',
        note,
        fields: JSON.stringify(['attributions']),
        made_by: actor.type === 'user' ? actor.userId : null,
        made_at: now,
      })
      .execute();
    const updated = await findIncidentRow(trx, incident.id);
    if (updated) await shareIncident(ctx, trx, await presentFull(trx, actor, updated));
  }
}

/**
 * Writes attributions of a new draft in the caller's transaction (an import): no public log, since the
 * record is not out. Inputs must have passed checkAttribution.
 */
export async function insertDraftAttributions(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  incident: IncidentRow,
  inputs: AttributionInput[],
): Promise<void> {
  if (inputs.length === 0) return;
  const now = nowIso();
  for (const input of inputs) {
    await trx
      .insertInto('incident_attributions')
      .values({
        id: newId('att'),
        incident_id: incident.id,
        ...attributionColumns(input, await resolveActor(trx, input.actor)),
        created_by: actor.type === 'user' ? actor.userId : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  await afterAttributionChange(ctx, trx, incident, actor, '');
}

function editable(incident: IncidentRow): void {
  if (incident.editorial_state === 'withdrawn')
    throw conflict('incident_withdrawn', 'A withdrawn incident is kept as it was.');
}

function attributionColumns(input: AttributionInput, actorId: string) {
  return {
    attributor_kind: input.attributedBy.kind,
    attributor_name: input.attributedBy.name.trim(),
    attributor_country: input.attributedBy.country ?? null,
    attributed_on: input.attributedOn,
    basis: input.basis,
    actor_id: actorId,
    actor_aliases: JSON.stringify(input.actor.aliases ?? []),
    sponsor_country: input.actor.sponsorCountry ?? null,
    confidence: input.confidence,
    sources: JSON.stringify(input.sources),
    notes: input.notes ?? null,
  };
}

export async function addAttribution(
  ctx: AppContext,
  actor: Actor,
  incidentId: string,
  input: AttributionInput,
): Promise<IncidentOut> {
  const incident = await getEditableIncident(ctx, actor, incidentId);
  editable(incident);
  checkAttribution(input);
  await inTransaction(ctx, async (trx) => {
    const actorId = await resolveActor(trx, input.actor);
    const now = nowIso();
    const id = newId('att');
    await trx
      .insertInto('incident_attributions')
      .values({
        id,
        incident_id: incidentId,
        ...attributionColumns(input, actorId),
        created_by: actor.type === 'user' ? actor.userId : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const summary = `Attribution added: ${input.attributedBy.name.trim()} attributes it to ${input.actor.name.trim()} (${input.basis}, ${input.attributedOn}).`;
    await afterAttributionChange(ctx, trx, incident, actor, summary);
    await recordAudit(trx, {
      actor,
      orgId: incident.org_id,
      action: 'incident.attribution_added',
      subjectType: 'incident',
      subjectId: incidentId,
      summary,
    });
  });
  return presentFull(ctx.db, actor, (await getEditableIncident(ctx, actor, incidentId)) as IncidentRow);
}

async function getAttributionOf(ctx: AppContext, incidentId: string, attributionId: string) {
  const row = await ctx.db
    .selectFrom('incident_attributions')
    .selectAll()
    .where('id', '=', attributionId)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  if (!row) throw notFound('Attribution');
  return row;
}

export async function updateAttribution(
  ctx: AppContext,
  actor: Actor,
  incidentId: string,
  attributionId: string,
  input: AttributionInput,
  correction: string | undefined,
): Promise<IncidentOut> {
  const incident = await getEditableIncident(ctx, actor, incidentId);
  editable(incident);
  await getAttributionOf(ctx, incidentId, attributionId);
  checkAttribution(input);
  if (incident.editorial_state === 'published' && !correction?.trim())
    throw new AppError(
      422,
      'correction_required',
      'Say what you correct: the note goes to the public corrections log.',
      {
        extra: { field: 'correction' },
      },
    );
  await inTransaction(ctx, async (trx) => {
    const actorId = await resolveActor(trx, input.actor);
    await trx
      .updateTable('incident_attributions')
      .set({ ...attributionColumns(input, actorId), updated_at: nowIso() })
      .where('id', '=', attributionId)
      .execute();
    await afterAttributionChange(ctx, trx, incident, actor, correction?.trim() ?? 'Attribution edited.');
    await recordAudit(trx, {
      actor,
      orgId: incident.org_id,
      action: 'incident.attribution_updated',
      subjectType: 'incident',
      subjectId: incidentId,
      summary: `Attribution ${attributionId} edited.`,
    });
  });
  return presentFull(ctx.db, actor, await getEditableIncident(ctx, actor, incidentId));
}

export async function removeAttribution(
  ctx: AppContext,
  actor: Actor,
  incidentId: string,
  attributionId: string,
  correction: string | undefined,
): Promise<IncidentOut> {
  const incident = await getEditableIncident(ctx, actor, incidentId);
  editable(incident);
  await getAttributionOf(ctx, incidentId, attributionId);
  if (incident.editorial_state === 'published' && !correction?.trim())
    throw new AppError(422, 'correction_required', 'Say why the attribution goes: the note is public.', {
      extra: { field: 'correction' },
    });
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('incident_attributions').where('id', '=', attributionId).execute();
    await afterAttributionChange(ctx, trx, incident, actor, correction?.trim() ?? 'Attribution removed.');
    await recordAudit(trx, {
      actor,
      orgId: incident.org_id,
      action: 'incident.attribution_removed',
      subjectType: 'incident',
      subjectId: incidentId,
      summary: `Attribution ${attributionId} removed.`,
    });
  });
  return presentFull(ctx.db, actor, await getEditableIncident(ctx, actor, incidentId));
}
