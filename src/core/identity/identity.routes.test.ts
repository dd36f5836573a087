import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createOrganization,
  createUser,
  currentTotp,
  DEFAULT_PASSWORD,
} from '../../../test/factories.ts';
import { createTestApp, signIn, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';
import { createSetupLink } from './auth.service.ts';

function tokenFromLink(link: string): string {
  return link.split('#token=')[1]!;
}

async function lastEmailTo(t: TestApp, to: string) {
  const rows = await t.database.db
    .selectFrom('outbox')
    .select(['payload'])
    .where('channel', '=', 'email')
    .orderBy('id', 'desc')
    .execute();
  const messages = rows.map((r) => JSON.parse(r.payload) as { to: string; subject: string; text: string });
  return messages.find((m) => m.to === to);
}

describeEachDialect('identity', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  describe('first-admin setup', () => {
    it('creates a platform admin with TOTP through the one-time link, once', async () => {
      expect((await t.app.inject({ url: '/api/v1/setup/status' })).json()).toEqual({ isSetupNeeded: true });
      const token = tokenFromLink(await createSetupLink(t.app.ctx));
      const enrol = await t.app.inject({ method: 'POST', url: '/api/v1/setup/totp', payload: { token } });
      expect(enrol.statusCode).toBe(200);
      const { secret, otpauthUri, qrSvg } = enrol.json();
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      expect(qrSvg).toContain('<svg');

      const body = {
        token,
        email: 'Chair@Secretariat.example',
        displayName: 'Chair',
        password: DEFAULT_PASSWORD,
      };
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...body, totpCode: '000000' },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().code).toBe('invalid_totp');

      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...body, totpCode: await generate({ secret }) },
      });
      expect(created.statusCode).toBe(201);
      const result = created.json();
      expect(result.user).toMatchObject({
        email: 'chair@secretariat.example',
        isPlatformAdmin: true,
        hasTotp: true,
      });
      expect(result.recoveryCodes).toHaveLength(10);
      expect(created.cookies.find((c) => c.name === 'cg_session')?.httpOnly).toBe(true);

      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...body, email: 'other@secretariat.example', totpCode: await generate({ secret }) },
      });
      expect(again.statusCode).toBe(400);
      expect(again.json().code).toBe('invalid_token');
      expect((await t.app.inject({ url: '/api/v1/setup/status' })).json()).toEqual({ isSetupNeeded: false });
    });
  });

  describe('sign-in', () => {
    it('answers invalid_credentials for a wrong password or an unknown account, alike', async () => {
      const user = await createUser(t.database.db);
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: 'not the right password' },
      });
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody@example.test', password: 'not the right password' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().code).toBe('invalid_credentials');
      expect(unknown.json().code).toBe('invalid_credentials');
      expect(wrong.headers['content-type']).toContain('application/problem+json');
    });

    it('asks for the TOTP code, refuses a wrong one, accepts the right one and a recovery code once', async () => {
      const user = await createUser(t.database.db, { hasTotp: true });
      const login = (extra: Record<string, string>) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: user.password, ...extra },
        });
      expect((await login({})).json().code).toBe('totp_required');
      expect((await login({ totpCode: '123456' })).json().code).toBe('invalid_totp');
      const code = await currentTotp();
      expect((await login({ totpCode: code })).statusCode).toBe(200);
      // A code works once: replaying it, even within its 30 seconds, is refused.
      expect((await login({ totpCode: code })).json().code).toBe('invalid_totp');
    });

    it('throttles repeated failures with a growing delay and Retry-After', async () => {
      const user = await createUser(t.database.db);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: 'wrong password again' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses[5]).toBe(429);
      const blocked = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password },
      });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('too_many_attempts');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('rotates the session at sign-in and lists and revokes sessions', async () => {
      const user = await createUser(t.database.db);
      const first = await signIn(t.app, user.email);
      const second = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { cookie: first.cookie, 'x-csrf-token': first.csrfToken },
        payload: { email: user.email, password: user.password },
      });
      expect(second.statusCode).toBe(200);
      const oldSession = await t.app.inject({
        url: '/api/v1/auth/session',
        headers: { cookie: first.cookie },
      });
      expect(oldSession.json().user).toBeNull();

      const a = await signIn(t.app, user.email);
      const b = await signIn(t.app, user.email);
      const list = (await a.request({ url: '/api/v1/me/sessions' })).json().items as {
        id: string;
        isCurrent: boolean;
      }[];
      expect(list.filter((s) => s.isCurrent)).toHaveLength(1);
      const other = list.find((s) => !s.isCurrent)!;
      expect((await a.request({ method: 'DELETE', url: `/api/v1/me/sessions/${other.id}` })).statusCode).toBe(
        204,
      );
      const remaining = (await a.request({ url: '/api/v1/me/sessions' })).json().items as { id: string }[];
      expect(remaining.map((s) => s.id)).not.toContain(other.id);
      // Whichever of a or b was revoked is now signed out.
      const states = await Promise.all([a, b].map((c) => c.request({ url: '/api/v1/auth/session' })));
      expect(states.filter((s) => s.json().user === null)).toHaveLength(1);
    });

    it('requires the CSRF token on cookie-authenticated writes', async () => {
      const user = await createUser(t.database.db);
      const client = await signIn(t.app, user.email);
      const without = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { cookie: client.cookie },
        payload: { displayName: 'Changed' },
      });
      expect(without.statusCode).toBe(403);
      expect(without.json().code).toBe('csrf_failed');
      const forged = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { cookie: client.cookie, 'x-csrf-token': 'forged' },
        payload: { displayName: 'Changed' },
      });
      expect(forged.statusCode).toBe(403);
      const ok = await client.request({
        method: 'PATCH',
        url: '/api/v1/me',
        payload: { displayName: 'Changed' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().displayName).toBe('Changed');
    });
  });

  describe('passwords', () => {
    it('rejects short and common passwords with the reason', async () => {
      const user = await createUser(t.database.db);
      const client = await signIn(t.app, user.email);
      for (const [password, code] of [
        ['short pass', 'too_short'],
        ['1qaz2wsx3edc', 'too_common'],
      ] as const) {
        const response = await client.request({
          method: 'POST',
          url: '/api/v1/me/password',
          payload: { currentPassword: user.password, newPassword: password },
        });
        expect(response.statusCode).toBe(422);
        expect(response.json().errors[0].code).toBe(code);
      }
    });

    it('resets a password through a single-use e-mailed link and ends every session', async () => {
      const user = await createUser(t.database.db);
      const client = await signIn(t.app, user.email);
      const ask = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email: user.email },
      });
      expect(ask.statusCode).toBe(202);
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email: 'nobody@example.test' },
      });
      expect(unknown.statusCode).toBe(202);
      const mail = await lastEmailTo(t, user.email);
      const token = /#token=([\w-]+)/.exec(mail!.text)![1]!;
      const newPassword = 'a brand new passphrase for the test';
      const done = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/complete',
        payload: { token, password: newPassword },
      });
      expect(done.statusCode).toBe(204);
      const reused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/complete',
        payload: { token, password: `${newPassword}!` },
      });
      expect(reused.json().code).toBe('invalid_token');
      expect((await client.request({ url: '/api/v1/auth/session' })).json().user).toBeNull();
      await expect(signIn(t.app, user.email, { password: newPassword })).resolves.toBeDefined();
    });
  });

  describe('TOTP enrolment', () => {
    it('enrols, signs in with the code, and keeps platform admins from turning it off', async () => {
      const user = await createUser(t.database.db);
      const client = await signIn(t.app, user.email);
      const { secret } = (await client.request({ method: 'POST', url: '/api/v1/me/totp/enrolment' })).json();
      const activated = await client.request({
        method: 'POST',
        url: '/api/v1/me/totp/activation',
        payload: { code: await generate({ secret }) },
      });
      expect(activated.statusCode).toBe(200);
      const { recoveryCodes } = activated.json() as { recoveryCodes: string[] };
      expect(recoveryCodes).toHaveLength(10);
      const login = (extra: Record<string, string>) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: user.password, ...extra },
        });
      expect((await login({})).json().code).toBe('totp_required');
      expect((await login({ recoveryCode: recoveryCodes[0]! })).statusCode).toBe(200);
      expect((await login({ recoveryCode: recoveryCodes[0]! })).json().code).toBe('invalid_totp');

      const admin = await createUser(t.database.db, { isPlatformAdmin: true });
      const adminClient = await signIn(t.app, admin.email, { withTotp: true });
      const refused = await adminClient.request({
        method: 'DELETE',
        url: '/api/v1/me/totp',
        payload: { password: admin.password },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('totp_required_for_role');
    });
  });

  describe('API tokens', () => {
    it('is shown once, acts only within its organization, and stops working when revoked', async () => {
      const user = await createUser(t.database.db);
      const own = await createOrganization(t.database.db, { verificationStatus: 'unverified' });
      const other = await createOrganization(t.database.db, { verificationStatus: 'unverified' });
      await addMember(t.database.db, own.id, user.id, 'org_admin');
      await addMember(t.database.db, other.id, user.id, 'org_admin');
      const client = await signIn(t.app, user.email);
      const created = await client.request({
        method: 'POST',
        url: '/api/v1/me/api-tokens',
        payload: { name: 'SOC integration', organizationId: own.id, expiresInDays: 30 },
      });
      expect(created.statusCode).toBe(201);
      const { token, id } = created.json();
      expect(token).toMatch(/^cg_/);
      const listed = (await client.request({ url: '/api/v1/me/api-tokens' })).json().items;
      expect(JSON.stringify(listed)).not.toContain(token);
      const stored = await t.database.db
        .selectFrom('api_tokens')
        .select('token_hash')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(stored.token_hash).not.toContain(token);

      const bearer = { authorization: `Bearer ${token}` };
      expect(
        (await t.app.inject({ url: `/api/v1/organizations/${own.id}/members`, headers: bearer })).statusCode,
      ).toBe(200);
      // The user belongs to `other` too, but the token is scoped to `own`: unverified `other` is invisible to it.
      expect(
        (await t.app.inject({ url: `/api/v1/organizations/${other.id}/members`, headers: bearer }))
          .statusCode,
      ).toBe(404);
      // Tokens never create tokens.
      const nested = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/api-tokens',
        headers: bearer,
        payload: { name: 'x', organizationId: own.id, expiresInDays: 1 },
      });
      expect(nested.statusCode).toBe(403);
      // Nor for an organization the user does not belong to.
      const stranger = await createOrganization(t.database.db);
      const foreign = await client.request({
        method: 'POST',
        url: '/api/v1/me/api-tokens',
        payload: { name: 'x', organizationId: stranger.id, expiresInDays: 1 },
      });
      expect(foreign.statusCode).toBe(403);

      expect(
        (await client.request({ method: 'DELETE', url: `/api/v1/me/api-tokens/${id}` })).statusCode,
      ).toBe(204);
      const after = await t.app.inject({ url: `/api/v1/organizations/${own.id}/members`, headers: bearer });
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('invalid_token');
    });
  });
});
