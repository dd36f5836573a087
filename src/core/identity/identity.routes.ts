import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { acceptInvitation, lookupInvitation } from '../orgs/invitations.service.ts';
import * as account from './account.service.ts';
import * as auth from './auth.service.ts';
import { requireUser } from './authenticate.ts';
import * as schemas from './identity.schemas.ts';
import { clearSessionCookie, csrfTokenFor, setSessionCookie } from './sessions.ts';

const NoContent = { 204: Type.Null() };

function clientOf(request: FastifyRequest): auth.ClientInfo {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

/** Authentication: session state, sign-in and out, first-admin setup, password reset, invitations. */
export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  const tags = ['auth'];

  async function signedIn(reply: FastifyReply, result: auth.SignInResult) {
    setSessionCookie(ctx, reply, result.session.token);
    return { user: await account.getMe(ctx, result.userId), csrfToken: result.csrfToken };
  }

  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in, and the CSRF token for writes',
        response: { 200: schemas.SessionState },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.type !== 'user') return { user: null, csrfToken: null };
      return {
        user: await account.getMe(ctx, actor.userId),
        csrfToken: actor.sessionId ? csrfTokenFor(ctx, actor.sessionId) : null,
      };
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail, password and, when enabled, a TOTP or recovery code',
        description:
          'Answers 401 `totp_required` when the account has two-factor authentication and no code was sent: ask for it and send all fields again. Repeated failures answer 429 `too_many_attempts` with Retry-After.',
        body: schemas.LoginBody,
        response: { 200: schemas.SignedIn },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const previous = request.actor.type === 'user' ? request.actor.sessionId : undefined;
      return signedIn(reply, await auth.login(ctx, request.body, clientOf(request), previous));
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out of this session', response: NoContent } },
    async (request, reply) => {
      await auth.logout(ctx, request.actor);
      clearSessionCookie(ctx, reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Ask for a password-reset link by e-mail',
        description: 'Always answers 202, whether or not the account exists.',
        body: Type.Object({ email: schemas.Email }, { additionalProperties: false }),
        response: { 202: Type.Null() },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      await auth.requestPasswordReset(ctx, request.body.email);
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/auth/password-reset/complete',
    {
      schema: {
        tags,
        summary: 'Choose a new password with the e-mailed link; ends every session',
        body: Type.Object(
          { token: schemas.LinkToken, password: schemas.Password },
          { additionalProperties: false },
        ),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await auth.completePasswordReset(ctx, request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/setup/status',
    {
      schema: {
        tags: ['setup'],
        summary: 'Whether the instance still needs its first platform admin',
        response: { 200: Type.Object({ isSetupNeeded: Type.Boolean() }) },
      },
    },
    async () => ({ isSetupNeeded: await auth.isSetupNeeded(ctx) }),
  );

  app.post(
    '/setup/totp',
    {
      schema: {
        tags: ['setup'],
        summary: 'Start the authenticator enrolment of a setup link',
        body: Type.Object({ token: schemas.LinkToken }, { additionalProperties: false }),
        response: { 200: schemas.TotpEnrolment },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    (request) => auth.startSetupTotp(ctx, request.body.token),
  );

  app.post(
    '/setup',
    {
      schema: {
        tags: ['setup'],
        summary: 'Create a platform admin from a setup link, with TOTP, and sign in',
        body: schemas.SetupBody,
        response: {
          201: Type.Object({
            user: schemas.Me,
            csrfToken: Type.String(),
            recoveryCodes: Type.Array(Type.String()),
          }),
        },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await auth.completeSetup(ctx, request.body, clientOf(request));
      const body = await signedIn(reply, result);
      return reply.status(201).send({ ...body, recoveryCodes: result.recoveryCodes });
    },
  );

  app.post(
    '/invitations/lookup',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Read an invitation from its link token',
        body: Type.Object({ token: schemas.LinkToken }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            organizationName: Type.String(),
            email: Type.String(),
            role: Type.Enum(['org_admin', 'member']),
            expiresAt: Type.String(),
            hasAccount: Type.Boolean(),
          }),
        },
      },
    },
    (request) => lookupInvitation(ctx, request.body.token),
  );

  app.post(
    '/invitations/accept',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Accept an invitation',
        description:
          'Without an account, give displayName and password: the account is created and signed in. With an account, sign in as the invited address first.',
        body: Type.Object(
          {
            token: schemas.LinkToken,
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            password: Type.Optional(schemas.Password),
            locale: Type.Optional(schemas.Locale),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ user: schemas.Me, csrfToken: Type.Union([Type.String(), Type.Null()]) }),
        },
      },
    },
    async (request, reply) => {
      const result = await acceptInvitation(ctx, request.actor, request.body, clientOf(request));
      if (result.signIn) {
        setSessionCookie(ctx, reply, result.signIn.session.token);
        return { user: await account.getMe(ctx, result.userId), csrfToken: result.signIn.csrfToken };
      }
      const actor = request.actor;
      return {
        user: await account.getMe(ctx, result.userId),
        csrfToken: actor.type === 'user' && actor.sessionId ? csrfTokenFor(ctx, actor.sessionId) : null,
      };
    },
  );
}

/** The signed-in user's own account: profile, password, two-factor, sessions and API tokens. */
export async function meRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  const tags = ['me'];

  app.get('/me', { schema: { tags, summary: 'Your account', response: { 200: schemas.Me } } }, (request) =>
    account.getMe(ctx, requireUser(request).userId),
  );

  app.patch(
    '/me',
    {
      schema: {
        tags,
        summary: 'Update your name or language',
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            locale: Type.Optional(schemas.Locale),
          },
          { additionalProperties: false },
        ),
        response: { 200: schemas.Me },
      },
    },
    (request) => account.updateProfile(ctx, requireUser(request), request.body),
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password; ends your other sessions',
        body: Type.Object(
          { currentPassword: schemas.Password, newPassword: schemas.Password },
          { additionalProperties: false },
        ),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await account.changePassword(
        ctx,
        requireUser(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/totp/enrolment',
    {
      schema: {
        tags,
        summary: 'Start enrolling an authenticator app',
        response: { 200: schemas.TotpEnrolment },
      },
    },
    (request) => account.startTotpEnrolment(ctx, requireUser(request)),
  );

  app.post(
    '/me/totp/activation',
    {
      schema: {
        tags,
        summary: 'Confirm the authenticator with a code; returns recovery codes once',
        body: Type.Object({ code: schemas.TotpCode }, { additionalProperties: false }),
        response: { 200: schemas.RecoveryCodes },
      },
    },
    async (request) => ({
      recoveryCodes: await account.activateTotp(ctx, requireUser(request), request.body.code),
    }),
  );

  app.delete(
    '/me/totp',
    {
      schema: {
        tags,
        summary: 'Turn two-factor authentication off (not allowed for platform admins)',
        body: Type.Object({ password: schemas.Password }, { additionalProperties: false }),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await account.disableTotp(ctx, requireUser(request), request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/recovery-codes',
    {
      schema: {
        tags,
        summary: 'Replace your recovery codes',
        body: Type.Object({ password: schemas.Password }, { additionalProperties: false }),
        response: { 200: schemas.RecoveryCodes },
      },
    },
    async (request) => ({
      recoveryCodes: await account.regenerateRecoveryCodes(ctx, requireUser(request), request.body.password),
    }),
  );

  app.get(
    '/me/sessions',
    {
      schema: {
        tags,
        summary: 'Your active sessions',
        response: { 200: Type.Object({ items: Type.Array(schemas.SessionItem) }) },
      },
    },
    async (request) => ({ items: await account.findSessions(ctx, requireUser(request)) }),
  );

  app.delete(
    '/me/sessions/:id',
    { schema: { tags, summary: 'End one of your sessions', params: schemas.IdParam, response: NoContent } },
    async (request, reply) => {
      await account.revokeSession(ctx, requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/api-tokens',
    {
      schema: {
        tags,
        summary: 'Your API tokens',
        response: { 200: Type.Object({ items: Type.Array(schemas.ApiTokenItem) }) },
      },
    },
    async (request) => ({ items: await account.findApiTokens(ctx, requireUser(request)) }),
  );

  app.post(
    '/me/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token scoped to one of your organizations',
        description: 'The token is in the answer once and never again: only its hash is kept.',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            organizationId: Type.String({ minLength: 1, maxLength: 64 }),
            expiresInDays: Type.Integer({ minimum: 1, maximum: 365 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Intersect([schemas.ApiTokenItem, Type.Object({ token: Type.String() })]) },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await account.createApiToken(ctx, requireUser(request), request.body)),
  );

  app.delete(
    '/me/api-tokens/:id',
    { schema: { tags, summary: 'Revoke an API token', params: schemas.IdParam, response: NoContent } },
    async (request, reply) => {
      await account.revokeApiToken(ctx, requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
