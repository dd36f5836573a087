import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { type Cast, createCast, createProcess } from '../test-support.ts';
import { DIGEST_INTERVAL_MS, sendDigests } from './follows.service.ts';

describeEachDialect('participation: follow, digests and Atom feeds', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  let processId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t);
    processId = await createProcess(cast.secretariat);
  });
  afterAll(() => t.close());

  it('lets signed-in users follow what exists, and only that', async () => {
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/v1/participation/follows/process/${processId}` }))
        .statusCode,
    ).toBe(401);
    const followed = await cast.stateA.admin.request({
      method: 'PUT',
      url: `/api/v1/participation/follows/process/${processId}`,
    });
    expect(followed.json()).toMatchObject({
      title: 'Global Mechanism 2026–2030',
      feedUrl: `/api/v1/participation/feeds/process/${processId}.atom`,
    });
    expect(
      (
        await cast.stateA.admin.request({
          method: 'PUT',
          url: '/api/v1/participation/follows/process/prc_missing',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await cast.stateA.admin.request({ method: 'PUT', url: '/api/v1/participation/follows/planet/x' }))
        .statusCode,
    ).toBe(400);
    const measure = await t.database.db
      .selectFrom('measures')
      .select('id')
      .where('key', '=', 'osce-08')
      .executeTakeFirstOrThrow();
    await cast.stateA.admin.request({
      method: 'PUT',
      url: `/api/v1/participation/follows/measure/${measure.id}`,
    });
    const mine = (await cast.stateA.admin.request({ url: '/api/v1/participation/follows' })).json();
    expect(
      mine.items.map((f: { subjectType: string; subjectId: string }) => [f.subjectType, f.subjectId]).sort(),
    ).toEqual([
      ['measure', measure.id],
      ['process', processId],
    ]);
    expect(mine.items.every((f: { title: string }) => f.title.length > 0)).toBe(true);
  });

  it('sends one digest of what changed, once per interval, and serves the changes as Atom', async () => {
    await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/groups`,
      payload: { name: 'Capacity building', mandate: 'Map needs and offers.' },
    });
    await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/meetings`,
      payload: {
        title: 'Organizational session',
        location: 'Geneva & online <script>alert(1)</script>',
        startsAt: '2027-01-10T09:00:00Z',
        endsAt: '2027-01-10T12:00:00Z',
        agenda: [{ title: 'Adoption of the agenda', stakeholderSlots: 2 }],
      },
    });
    const outbox = () =>
      t.database.db.selectFrom('outbox').selectAll().where('topic', '=', 'participation.digest').execute();
    // Not yet due: the first digest waits a full interval after following.
    expect(await sendDigests(t.app.ctx)).toBe(0);
    const later = new Date(Date.now() + DIGEST_INTERVAL_MS + 1000);
    expect(await sendDigests(t.app.ctx, later)).toBe(1);
    const [message] = await outbox();
    const mail = JSON.parse(message!.payload) as { subject: string; text: string };
    expect(mail.subject).toBe('Common Ground: 2 changes in what you follow');
    expect(mail.text).toContain('New thematic group: Capacity building');
    expect(mail.text).toContain('Meeting: Organizational session');
    // Nothing new: no second mail, even when due again.
    expect(await sendDigests(t.app.ctx, new Date(later.getTime() + DIGEST_INTERVAL_MS + 1000))).toBe(0);
    expect(await outbox()).toHaveLength(1);

    const feed = await t.app.inject({ url: `/api/v1/participation/feeds/process/${processId}.atom` });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    // Type "html" content: user text arrives escaped, never as markup.
    expect(feed.body).toContain('Geneva &amp; online');
    expect(feed.body).not.toContain('<script');
    expect(feed.body).toContain('&lt;script&gt;');
    expect(feed.body.indexOf('Meeting: Organizational session')).toBeLessThan(
      feed.body.indexOf('New thematic group'),
    );
    expect(
      (await t.app.inject({ url: '/api/v1/participation/feeds/draft/dft_unknown.atom' })).statusCode,
    ).toBe(404);
  });

  it('stops following', async () => {
    expect(
      (
        await cast.stateA.admin.request({
          method: 'DELETE',
          url: `/api/v1/participation/follows/process/${processId}`,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await cast.stateA.admin.request({
          method: 'DELETE',
          url: `/api/v1/participation/follows/process/${processId}`,
        })
      ).statusCode,
    ).toBe(404);
  });
});
