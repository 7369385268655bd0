// Resolver classes of the planning module (branch targets, settings).
import { BranchTargetResolver, SettingsResolver } from './planning.resolver.js';

export const planningResolvers: Function[] = [BranchTargetResolver, SettingsResolver];
export { BranchTargetType, SettingsType } from './planning.types.js';
export { PlanningRepository } from './planning.repository.js';
