import { type Actor, readScope } from '../../../core/access/index.ts';
import type { AppContext } from '../../../core/context.ts';
import { nowIso } from '../../../core/db/ids.ts';
import type { StatisticsQuery } from './statistics.schemas.ts';
import { statsIndexFor } from './stats-index.ts';

const TOP_ACTORS = 100;

/** Statistics over the published incidents the actor may read (see stats-index.ts). */
export async function getStatistics(ctx: AppContext, actor: Actor, query: StatisticsQuery) {
  const index = statsIndexFor(ctx.db);
  await index.refresh(ctx.db);
  const statistics = index.compute(readScope(actor), {
    ...(query.type ? { type: query.type } : {}),
    ...(query.sector ? { sector: query.sector } : {}),
    ...(query.country ? { country: query.country } : {}),
    ...(query.region ? { region: query.region } : {}),
    ...(query.norm ? { norm: query.norm } : {}),
    ...(query.actor ? { actorId: query.actor } : {}),
    ...(query.orgId ? { orgId: query.orgId } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    interval: query.interval ?? 'month',
    series: query.series ?? 'none',
  });
  const topActors = Object.entries(statistics.byActor)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, TOP_ACTORS);
  const names =
    topActors.length === 0
      ? []
      : await ctx.db
          .selectFrom('incident_actors')
          .select(['id', 'name'])
          .where(
            'id',
            'in',
            topActors.map(([id]) => id),
          )
          .execute();
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  return {
    ...statistics,
    byActor: topActors.map(([id, count]) => ({ id, name: nameOf.get(id) ?? id, count })),
    generatedAt: nowIso(),
  };
}
