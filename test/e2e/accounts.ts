import type { BrowserContext, Page } from 'playwright-core';
import type { Db } from '../../src/core/db/database.ts';
import type { OrgRole } from '../../src/core/orgs/kinds.ts';
import { addMember, createUser, currentTotp, DEFAULT_PASSWORD } from '../factories.ts';

/** A new user (with the test TOTP secret when `hasTotp`) who is a member of the organization. */
export async function createMember(db: Db, orgId: string, role: OrgRole, hasTotp = false) {
  const user = await createUser(db, { hasTotp });
  await addMember(db, orgId, user.id, role);
  return user;
}

/**
 * Signs in through the web app's sign-in page in a new page of `context`, with the second factor when
 * `withTotp`, and returns the page once it has left the sign-in pages. A TOTP code is good once, so a
 * user who signs in here with TOTP should not also sign in with it through the API.
 */
export async function signInInBrowser(
  baseUrl: string,
  context: BrowserContext,
  email: string,
  withTotp: boolean,
): Promise<Page> {
  // Every wait is for a state the page must reach in well under this; a failure should say so early.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(DEFAULT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  if (withTotp) {
    await page.getByLabel('Authentication code').fill(await currentTotp());
    await page.getByRole('button', { name: 'Sign in' }).last().click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}
