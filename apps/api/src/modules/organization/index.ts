import './organization.enums.js';
import { OrgUnitResolver, StaffResolver, TeamResolver } from './org-unit.resolver.js';

export const organizationResolvers = [OrgUnitResolver, StaffResolver, TeamResolver];
export { OrgUnitType, StaffType, TeamType } from './organization.types.js';
export { orgLoaders } from './organization.loaders.js';
