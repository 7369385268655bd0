import './organization.enums.js';
import { OrgUnitResolver, StaffResolver, TeamResolver } from './org-unit.resolver.js';
import { StaffingLineResolver, StaffingResolver, StaffingScenarioResolver } from './staffing.resolver.js';

export const organizationResolvers = [OrgUnitResolver, StaffResolver, TeamResolver, StaffingResolver, StaffingScenarioResolver, StaffingLineResolver];
export { OrgUnitType, StaffType, TeamType } from './organization.types.js';
export { orgLoaders } from './organization.loaders.js';
