import type { Context } from '../../context.js';
import { byKey, groupByKey } from '../../common/loaders.js';
import { OrganizationRepository } from './organization.repository.js';
import type { OrgUnitType, StaffType, TeamType } from './organization.types.js';
import { dataScope, rowFilter } from '../auth/data-scope.js';

/**
 * Batched lookups other modules use for nested fields (project.branch, client.owner, …); made once
 * per request (nested fields call this once per row).
 */
export const orgLoaders = (ctx: Context) => ctx.loaders.bundle('org', ctx.viewer, () => makeOrgLoaders(ctx));

const makeOrgLoaders = (ctx: Context) => {
  const repo = new OrganizationRepository(ctx.em);
  return {
    unit: ctx.loaders.get<number, OrgUnitType>('org.unit', async (ids) => byKey(ids, await repo.unitsByIds(ids), (r) => r.id)),
    /** People the viewer may see; others load as null, exactly like a missing id. */
    staff: ctx.loaders.get<number, StaffType>('org.staff', async (ids) => byKey(ids, await repo.staffByIds(ids, rowFilter(dataScope(ctx.viewer)).staff('s')), (r) => r.id)),
    team: ctx.loaders.get<number, TeamType>('org.team', async (ids) => byKey(ids, await repo.teamsByIds(ids), (r) => r.id)),
    children: ctx.loaders.get<number, OrgUnitType[]>('org.children', async (ids) => groupByKey(ids, await repo.childrenOf(ids), (r) => r.parentId!)),
    teamsOfBranch: ctx.loaders.get<number, TeamType[]>('org.teamsOfBranch', async (ids) => groupByKey(ids, await repo.teamsOfBranches(ids), (r) => r.branchId)),
    roleCounts: ctx.loaders.get<number, { role: string; count: number }[]>('org.roleCounts', async (ids) => groupByKey(ids, await repo.subtreeRoleCounts(ids), (r) => r.unitId)),
    teamMemberCount: ctx.loaders.get<number, number>('org.teamMemberCount', async (ids) => byKey(ids, await repo.teamMemberCounts(ids), (r) => r.teamId).map((r) => r?.count ?? 0)),
    teamMembers: ctx.loaders.get<number, StaffType[]>('org.teamMembers', async (ids) => groupByKey(ids, await repo.teamMembers(ids, rowFilter(dataScope(ctx.viewer)).staff('s')), (r) => r.teamId!)),
  };
};
