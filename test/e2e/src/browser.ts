import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
export const artifactsDir = join(repoRoot, 'test/e2e/artifacts');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh context: English browser, laptop-sized viewport, downloads allowed. */
export async function newPage(browser: Browser, opts: { locale?: string; width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: opts.locale ?? 'en-US',
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

export const DEMO_PASSWORD = 'loandesk-demo';
const tokens = new Map<string, string>();

/** Bearer token of a demo account (signed in once per run). */
async function tokenFor(baseUrl: string, username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', variables: { u: username, p: DEMO_PASSWORD } }),
  });
  const body = (await res.json()) as { data?: { signIn: { token: string } }; errors?: { message: string }[] };
  if (!body.data) throw new Error(`sign-in failed: ${body.errors?.map((e) => e.message).join('; ')}`);
  tokens.set(username, body.data.signIn.token);
  return body.data.signIn.token;
}

/** POST a GraphQL query straight to the API (independent of the dashboard), as an HQ planner. */
export async function gql<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, username = 'planner'): Promise<T> {
  const token = await tokenFor(baseUrl, username);
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

/** Signs in through the dashboard's sign-in page (the session cookie stays in the context). */
export async function signIn(page: Page, baseUrl: string, username = 'planner'): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForSelector('[data-testid="signin-form"]');
  await page.fill('[data-testid="signin-username"]', username);
  await page.fill('[data-testid="signin-password"]', DEMO_PASSWORD);
  await page.click('[data-testid="signin-submit"]');
  await page.waitForSelector('[data-testid="user-box"]');
}

/** Waits until no chart or table on the page shows a loading skeleton. */
export async function settled(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.state-loading').length === 0 && document.querySelector('#root main') !== null, null, { timeout });
  await page.waitForTimeout(600); // chart animations
}
