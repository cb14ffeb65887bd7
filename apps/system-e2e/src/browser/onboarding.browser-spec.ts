import { eventually, registrationNumber, required, signIn, visible } from './journey-helpers';
import { screenshot, useBrowser } from './launch-browser';

/**
 * Partner onboarding through the web app, against the whole stack: a new user signs up, signs in
 * and applies; an admin approves in the backoffice (second browser context); the user then sees
 * APPROVED and the PARTNER role without signing in again. The stack (services, web on
 * E2E_WEB_URL, an admin account) is started by the project's globalSetup.
 */

const WEB_URL = required('E2E_WEB_URL');
const ADMIN_EMAIL = required('E2E_ADMIN_EMAIL');
const ADMIN_PASSWORD = required('E2E_ADMIN_PASSWORD');

describe('partner onboarding in the browser', () => {
  const { newPage, pageErrors, screenshotAll } = useBrowser({ baseURL: WEB_URL });

  it('a new user applies, an admin approves it, and the user becomes a partner', async () => {
    const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const user = { name: 'E2E Roaster', email: `roaster-${suffix}@e2e.roastery.test`, password: 'correct horse battery staple' };
    const businessName = `E2E Roastery ${suffix}`;
    const user$ = await newPage();

    try {
      // Sign up, then sign in.
      await user$.goto('/signup');
      await user$.getByLabel('Name').fill(user.name);
      await user$.getByLabel('Email').fill(user.email);
      await user$.getByLabel('Password').fill(user.password);
      await screenshot(user$, '01-signup');
      await user$.getByRole('button', { name: 'Create account' }).click();
      await user$.waitForURL('**/login');
      await user$.getByTestId('signup-success').waitFor();
      await signIn(user$, user.email, user.password);
      await user$.getByTestId('nav-roles').locator('[data-role="SUBSCRIBER"]').waitFor();
      await screenshot(user$, '02-my-page');

      // Apply as a partner.
      await user$.getByTestId('sell-on-roastery').click();
      await user$.waitForURL('**/me/partner');
      await user$.getByTestId('apply-form').waitFor();
      await user$.getByLabel('Business name').fill(businessName);
      await user$.getByLabel('Business registration number').fill(registrationNumber());
      await user$.getByLabel('Phone').fill('010-1234-5678');
      await user$.getByLabel('Payout bank').fill('KB Kookmin');
      await user$.getByLabel('Payout account number').fill('123456789012');
      await screenshot(user$, '03-apply-form');
      await user$.getByRole('button', { name: 'Submit application' }).click();
      await user$.locator('[data-testid="application-status"][data-status="PENDING"]').waitFor();
      await screenshot(user$, '04-application-pending');

      // The admin approves it in the backoffice (its own browser context: its own session).
      const admin$ = await newPage();
      await signIn(admin$, ADMIN_EMAIL, ADMIN_PASSWORD);
      await admin$.goto('/backoffice/applications?status=PENDING');
      const card = admin$.getByTestId('review-card').filter({ hasText: businessName });
      // The review queue is admin-service's read model, fed by the submitted event.
      await eventually('the application in the admin review queue', async () => {
        if (await visible(card)) return true;
        await admin$.getByTestId('reload').click();
        return visible(card);
      });
      await screenshot(admin$, '05-backoffice-queue');
      await card.getByTestId('approve').click();
      await admin$.getByTestId('queue-notice').filter({ hasText: `Approved ${businessName}` }).waitFor();
      await card.waitFor({ state: 'detached' });
      await screenshot(admin$, '06-backoffice-approved');

      // Back as the user: APPROVED, and the PARTNER role without signing in again.
      const approved = user$.locator('[data-testid="application-status"][data-status="APPROVED"]');
      await eventually('the application shown as APPROVED', async () => {
        if (await visible(approved)) return true;
        await user$.getByTestId('check-status').click();
        return visible(approved);
      });
      const partnerBadge = user$.getByTestId('nav-roles').locator('[data-role="PARTNER"]');
      await eventually('the PARTNER role in the navbar', async () => {
        if (await visible(partnerBadge)) return true;
        const refresh = user$.getByTestId('refresh-partner-role');
        if (await visible(refresh)) await refresh.click();
        return visible(partnerBadge);
      });
      await user$.getByTestId('approved-note').filter({ hasText: 'Approved — you are a partner' }).waitFor();
      await screenshot(user$, '07-application-approved');

      await user$.getByTestId('go-to-studio').click();
      await user$.waitForURL('**/studio');
      await user$.getByTestId('studio-heading').waitFor();
      await screenshot(user$, '08-studio');

      await user$.goto('/me');
      await user$.getByTestId('account-roles').locator('[data-role="PARTNER"]').waitFor();
      expect(pageErrors).toEqual([]);
    } catch (err) {
      await screenshotAll('failure');
      throw err;
    }
  }, 240_000);
});
