// Resolver classes of the portfolio module (clients, projects, statements, contacts, agent banks).
export const portfolioResolvers: Function[] = [];
