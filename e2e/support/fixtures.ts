import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { CampaignSchema, QuoteResultSchema, type Campaign, type QuoteResult } from '@promo/shared';
import { demoUser, readE2eState, type E2eState, type Role } from './e2e-state.js';

/** The studio's web build, served by the server; the studio routes with a hash router. */
export const STUDIO_PATH = '/studio/';

export interface StudioFixtures {
  stack: E2eState;
  /** Signs in through the login screen and waits for the campaign list. */
  signIn: (page: Page, role?: Role) => Promise<void>;
  /** A bearer token for a demo user, from the REST login (for checking what the server holds). */
  tokenFor: (role: Role) => Promise<string>;
  /** The server's working copy of a campaign (`GET /api/v1/campaigns/:id` as the demo planner), or null when it has none. */
  serverCampaign: (id: string) => Promise<Campaign | null>;
  /** `POST /api/v1/quote` as a store would, with the demo API key; the answer parsed by the shared schema. */
  storeQuote: (body: unknown) => Promise<QuoteResult>;
}

async function signInThroughUi(page: Page, stack: E2eState, role: Role): Promise<void> {
  const user = demoUser(role, stack);
  await page.goto(STUDIO_PATH);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('campaign-table')).toBeVisible();
}

async function login(request: APIRequestContext, role: Role): Promise<string> {
  const user = demoUser(role);
  const res = await request.post('/api/v1/auth/login', { data: { username: user.username, password: user.password } });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { token: string };
  return body.token;
}

export const test = base.extend<StudioFixtures>({
  // Every journey starts by checking the server is still ready, so a crashed server reads as such.
  // (Its own request context: the `request` fixture needs baseURL, which needs this.)
  stack: async ({ playwright }, use) => {
    const state = readE2eState();
    const probe = await playwright.request.newContext();
    const ready = await probe.get(`${state.baseUrl}/readyz`);
    expect(ready.status(), `the server at ${state.baseUrl} is not ready: ${await ready.text()}`).toBe(200);
    await probe.dispose();
    await use(state);
  },
  baseURL: async ({ stack }, use) => {
    await use(stack.baseUrl);
  },
  signIn: async ({ stack }, use) => {
    await use((page, role = 'planner') => signInThroughUi(page, stack, role));
  },
  tokenFor: async ({ request }, use) => {
    await use((role) => login(request, role));
  },
  serverCampaign: async ({ request, tokenFor }, use) => {
    let token: string | undefined;
    await use(async (id) => {
      token ??= await tokenFor('planner');
      const res = await request.get(`/api/v1/campaigns/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status() === 404) return null;
      expect(res.status(), await res.text()).toBe(200);
      return CampaignSchema.parse(await res.json());
    });
  },
  storeQuote: async ({ request, stack }, use) => {
    await use(async (body) => {
      const res = await request.post('/api/v1/quote', { data: body, headers: { authorization: `Bearer ${stack.apiKey}` } });
      expect(res.status(), await res.text()).toBe(200);
      return QuoteResultSchema.parse(await res.json());
    });
  },
});

export { expect };
