// Resolver classes of the portfolio module (clients, projects, statements, contacts, agent banks).
import './portfolio.enums.js';
import { AgentBankEvaluationResolver, SettlementAgentBankResolver, UpcomingRepaymentResolver } from './agent-bank.resolver.js';
import { ClientContactLogResolver, ClientResolver } from './client.resolver.js';
import { PortfolioMutationResolver } from './portfolio.mutations.resolver.js';
import { AssignmentResolver, CashFlowStatementResolver, ProjectResolver, RestructuringCaseResolver } from './project.resolver.js';

export const portfolioResolvers: Function[] = [
  ClientResolver,
  ClientContactLogResolver,
  ProjectResolver,
  CashFlowStatementResolver,
  AssignmentResolver,
  RestructuringCaseResolver,
  SettlementAgentBankResolver,
  AgentBankEvaluationResolver,
  UpcomingRepaymentResolver,
  PortfolioMutationResolver,
];
export { ClientType, ProjectType, CashFlowStatementType } from './portfolio.types.js';
export { portfolioLoaders } from './portfolio.loaders.js';
