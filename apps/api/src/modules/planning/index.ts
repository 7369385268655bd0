// Resolver classes of the planning module (branch targets, settings).
export const planningResolvers: Function[] = [];
