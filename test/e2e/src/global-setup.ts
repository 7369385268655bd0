import type { TestProject } from 'vitest/node';
import { startApi } from './api-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One real API (own embedded PostgreSQL and demo bank in a temp dir) for the browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const api = await startApi();
  project.provide('baseUrl', api.baseUrl);
  return api.stop;
}
