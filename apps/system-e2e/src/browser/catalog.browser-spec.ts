import { eventually, hangulToken, newPartner, required, signIn, visible } from './journey-helpers';
import { screenshot, useBrowser } from './launch-browser';

/**
 * The catalog pipeline through the web app, against the whole stack: a partner drafts a coffee in
 * the studio and submits it; an admin approves it in the backoffice; an anonymous visitor finds it
 * on the storefront by a Korean word and opens it. Then the partner changes a price and resubmits
 * (version 1 stays on sale meanwhile), the admin approves the diff, and the same item URL shows the
 * new price. Three browser contexts: partner, admin, visitor.
 */

const WEB_URL = required('E2E_WEB_URL');
const ADMIN = { email: required('E2E_ADMIN_EMAIL'), password: required('E2E_ADMIN_PASSWORD') };

describe('catalog pipeline in the browser', () => {
  const { newPage, pageErrors, screenshotAll } = useBrowser({ baseURL: WEB_URL, locale: 'ko-KR' });

  it('partner draft → admin approval → a visitor finds it by a Korean word; a price edit goes through review and updates the same item', async () => {
    const token = hangulToken();
    const name = `에티오피아 예가체프 ${token}`;
    const roaster = `카탈로그 로스터리 ${token}`;

    try {
      const partnerAccount = await newPartner(WEB_URL, ADMIN, roaster);

      // The partner drafts the coffee in the studio and submits it.
      const partner$ = await newPage();
      await signIn(partner$, partnerAccount.email, partnerAccount.password);
      await partner$.goto('/studio');
      await partner$.getByTestId('studio-heading').waitFor();
      await partner$.getByTestId('new-product').click();
      await partner$.waitForURL('**/studio/products/new');
      await partner$.getByLabel('Name').fill(name);
      await partner$.getByLabel('Origin country').fill('Ethiopia');
      await partner$.getByLabel('Origin region').fill('Yirgacheffe');
      await partner$.getByLabel('Farm or producer').fill('Kochere washing station');
      await partner$.getByLabel('Lot').fill(`K-${token}`);
      await partner$.getByLabel('Variety').fill('Heirloom');
      await partner$.getByLabel('Process').fill('Washed');
      await partner$.getByLabel('Roast level').selectOption('LIGHT');
      await partner$.getByLabel('Tasting notes').fill('자스민, 베르가못, 꿀');
      await partner$.getByLabel('Description').fill('꽃향기와 밝은 산미. <b>not bold</b>');
      await partner$.getByLabel('Price of option 1 in won').fill('18000');
      await partner$.getByLabel('Starting stock of option 1').fill('20');
      await partner$.getByTestId('add-option').click();
      await partner$.getByLabel('Weight of option 2 in grams').fill('1000');
      await partner$.getByLabel('Grind of option 2').selectOption('FILTER');
      await partner$.getByLabel('Price of option 2 in won').fill('72000');
      await partner$.getByLabel('Starting stock of option 2').fill('5');
      await screenshot(partner$, 'catalog-01-studio-new-product');
      await partner$.getByRole('button', { name: 'Save and submit for review' }).click();
      await partner$.locator('[data-testid="editor-status"][data-status="IN_REVIEW"]').waitFor();
      await partner$.waitForURL(/\/studio\/products\/[0-9a-f-]{36}$/);
      const editorUrl = partner$.url();
      const optionIds = await partner$.getByTestId('option-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-option-id')));
      expect(optionIds).toHaveLength(2);
      await screenshot(partner$, 'catalog-02-studio-submitted');

      // The admin approves it in the backoffice.
      const admin$ = await newPage();
      await signIn(admin$, ADMIN.email, ADMIN.password);
      await admin$.goto('/backoffice/products?status=PENDING');
      const firstCard = admin$.getByTestId('product-review-card').filter({ hasText: name });
      await eventually('the submission in the product review queue', async () => {
        if (await visible(firstCard)) return true;
        await admin$.getByTestId('product-queue-reload').click();
        return visible(firstCard);
      });
      await screenshot(admin$, 'catalog-03-backoffice-review');
      await firstCard.getByTestId('product-approve').click();
      await admin$.getByTestId('product-queue-notice').filter({ hasText: `Approved ${name}` }).waitFor();
      await firstCard.waitFor({ state: 'detached' });

      // An anonymous visitor finds it by the Korean word and opens it.
      const visitor$ = await newPage();
      await visitor$.goto('/');
      const card = visitor$.getByTestId('catalog-item').filter({ hasText: name });
      await eventually('the item in a storefront search for the Korean word', async () => {
        await visitor$.getByTestId('catalog-search').fill(token);
        await visitor$.getByTestId('catalog-search-submit').click();
        await visitor$.getByTestId('catalog-total').filter({ hasText: /coffee/ }).waitFor();
        return visible(card);
      });
      expect(new URL(visitor$.url()).searchParams.get('q')).toBe(token);
      expect(await card.getByTestId('catalog-item-price').textContent()).toContain('18,000');
      await screenshot(visitor$, 'catalog-04-storefront-search');
      await card.getByTestId('catalog-item-link').click();
      await visitor$.waitForURL(/\/items\/[0-9a-f-]{36}$/);
      const itemUrl = visitor$.url();
      await visitor$.getByTestId('item-name').filter({ hasText: name }).waitFor();
      expect(await visitor$.getByTestId('item-roaster').textContent()).toContain(roaster);
      expect(await visitor$.getByTestId('item-option-price').allTextContents()).toEqual(['₩18,000', '₩72,000']);
      expect(await visitor$.getByTestId('item-description').textContent()).toBe('꽃향기와 밝은 산미. <b>not bold</b>');
      await screenshot(visitor$, 'catalog-05-item-detail');

      // The partner sees it approved, changes the 200 g price and resubmits.
      // business-service learns the decision from admin-service's event; a reload restores the
      // session first ("Signing you in…"), so wait for the editor before reading its status.
      await eventually('the product shown as approved in the studio', async () => {
        await partner$.goto(editorUrl);
        await partner$.getByTestId('editor-status').waitFor();
        return (await partner$.getByTestId('editor-status').getAttribute('data-status')) === 'APPROVED';
      });
      await partner$.getByLabel('Price of option 1 in won').fill('21000');
      await partner$.getByRole('button', { name: 'Save and submit for review' }).click();
      await partner$.locator('[data-testid="editor-status"][data-status="IN_REVIEW"]').waitFor();
      await partner$.getByTestId('editor-on-sale').filter({ hasText: /Version 1 stays on sale while version 2 is in review/ }).waitFor();
      // Option ids are stable across versions.
      expect(await partner$.getByTestId('option-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-option-id')))).toEqual(optionIds);
      await screenshot(partner$, 'catalog-06-studio-resubmitted');
      await partner$.getByRole('link', { name: '← Your products' }).click();
      const row = partner$.getByTestId('product-row').filter({ hasText: name });
      await row.getByTestId('product-on-sale').filter({ hasText: 'Version 1 stays on sale while version 2 is in review.' }).waitFor();
      expect(await row.getByTestId('product-status').getAttribute('data-status')).toBe('IN_REVIEW');
      await screenshot(partner$, 'catalog-06b-studio-list');

      // Meanwhile the shop still sells version 1.
      await visitor$.reload();
      await visitor$.getByTestId('item-name').waitFor();
      expect(await visitor$.getByTestId('item-option-price').first().textContent()).toBe('₩18,000');

      // The admin sees the price change in the diff and approves it.
      await admin$.goto('/backoffice/products?status=PENDING');
      const secondCard = admin$.getByTestId('product-review-card').filter({ hasText: name });
      await eventually('the resubmission in the queue', async () => {
        if (await visible(secondCard)) return true;
        await admin$.getByTestId('product-queue-reload').click();
        return visible(secondCard);
      });
      await secondCard.locator('[data-testid="findings"] [data-code="PRICE_CHANGED"]').waitFor();
      await secondCard.getByTestId('version-diff').waitFor();
      await screenshot(admin$, 'catalog-07-backoffice-diff');
      await secondCard.getByTestId('product-approve').click();
      await admin$.getByTestId('product-queue-notice').filter({ hasText: `Approved ${name}` }).waitFor();

      // The same item URL shows the new price.
      await eventually('the new price on the same item page', async () => {
        await visitor$.goto(itemUrl);
        await visitor$.getByTestId('item-name').waitFor();
        return (await visitor$.getByTestId('item-option-price').first().textContent()) === '₩21,000';
      });
      expect(visitor$.url()).toBe(itemUrl);
      await screenshot(visitor$, 'catalog-08-item-new-price');

      // And the storefront search still finds exactly this one item, now from ₩21,000.
      await visitor$.goto(`/?q=${encodeURIComponent(token)}`);
      await card.waitFor();
      expect(await visitor$.getByTestId('catalog-item').count()).toBe(1);
      expect(await card.getByTestId('catalog-item-price').textContent()).toContain('21,000');

      // The catalog master lists it.
      await admin$.goto('/backoffice/catalog');
      await admin$.getByTestId('catalog-master-row').filter({ hasText: name }).waitFor();
      await screenshot(admin$, 'catalog-09-catalog-master');
      await admin$.getByRole('link', { name: 'Partners' }).click();
      await admin$.getByTestId('partner-row').filter({ hasText: roaster }).waitFor();
      await screenshot(admin$, 'catalog-10-partners');
      expect(pageErrors).toEqual([]);
    } catch (err) {
      await screenshotAll('catalog-failure');
      throw err;
    }
  }, 300_000);
});
