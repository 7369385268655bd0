import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from './capabilities';

describe('capabilities', () => {
  it('offers GraphiQL to HQ planners only', () => {
    expect(capabilitiesOf('HQ_PLANNER').graphiql).toBe(true);
    expect(capabilitiesOf('EXECUTIVE').graphiql).toBe(false);
  });
  it('keeps client managers to their own views', () => {
    const c = capabilitiesOf('CLIENT_MANAGER');
    expect(c.branchViews).toBe(false);
    expect(c.pages).not.toContain('staffing');
    expect(c.pages).not.toContain('branch');
  });
  it('offers the Import page to HQ planners only', () => {
    expect(capabilitiesOf('HQ_PLANNER').pages).toContain('import');
    for (const role of ['EXECUTIVE', 'BRANCH_HEAD', 'CLIENT_MANAGER'] as const) expect(capabilitiesOf(role).pages).not.toContain('import');
  });
});
