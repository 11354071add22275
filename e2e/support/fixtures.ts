import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { demoUser, readE2eState, type E2eState, type Role } from './e2e-state.js';

/** The studio's web build, served by the server; the studio routes with a hash router. */
export const STUDIO_PATH = '/studio/';

export interface StudioFixtures {
  stack: E2eState;
  /** Signs in through the login screen and waits for the campaign list. */
  signIn: (page: Page, role?: Role) => Promise<void>;
  /** A bearer token for a demo user, from the REST login (for checking what the server holds). */
  tokenFor: (role: Role) => Promise<string>;
  /** `POST /api/v1/quote` as a store would, with the demo API key. */
  storeQuote: (body: unknown) => Promise<QuoteAnswer>;
}

export interface QuoteAnswer {
  status: number;
  body: {
    totals?: { subtotal: number; discount: number; total: number };
    applied?: { campaignId: string; amount: number }[];
    notApplied?: { campaignId: string; reason: string }[];
  };
}

async function signInThroughUi(page: Page, role: Role): Promise<void> {
  const user = demoUser(role);
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
  stack: async ({}, use) => {
    await use(readE2eState());
  },
  baseURL: async ({ stack }, use) => {
    await use(stack.baseUrl);
  },
  signIn: async ({}, use) => {
    await use((page, role = 'planner') => signInThroughUi(page, role));
  },
  tokenFor: async ({ request }, use) => {
    await use((role) => login(request, role));
  },
  storeQuote: async ({ request, stack }, use) => {
    await use(async (body) => {
      const res = await request.post('/api/v1/quote', { data: body, headers: { authorization: `Bearer ${stack.apiKey}` } });
      return { status: res.status(), body: (await res.json()) as QuoteAnswer['body'] };
    });
  },
});

export { expect };
