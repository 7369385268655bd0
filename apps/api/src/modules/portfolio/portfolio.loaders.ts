import type { Context } from '../../context.js';
import type { ConnectionShape } from '../../common/pagination.js';
import { byKey, groupByKey } from '../../common/loaders.js';
import { AgentBankRepository } from './agent-bank.repository.js';
import { dataScope, type DataScope } from '../auth/data-scope.js';
import { ClientRepository } from './client.repository.js';
import type { StatementsArgs } from './portfolio.inputs.js';
import { ProjectRepository } from './project.repository.js';
import type {
  AgentBankEvaluationType,
  AssignmentType,
  CashFlowStatementType,
  ClientContactLogType,
  ClientType,
  ContactType,
  ProjectType,
  RestructuringCaseType,
  SettlementAgentBankType,
} from './portfolio.types.js';

/**
 * Batched lookups for the nested fields of clients, projects and agent banks (one query per
 * relation per level). Made once per request (nested fields call this once per row); the viewer's
 * data scope is checked on every call, as before.
 */
export const portfolioLoaders = (ctx: Context) => {
  const scope = dataScope(ctx.viewer);
  return ctx.loaders.bundle('pf', ctx.viewer, () => makePortfolioLoaders(ctx, scope));
};

const makePortfolioLoaders = (ctx: Context, scope: DataScope) => {
  const clients = new ClientRepository(ctx.em, scope);
  const projects = new ProjectRepository(ctx.em, scope);
  const banks = new AgentBankRepository(ctx.em, scope);
  return {
    client: ctx.loaders.get<number, ClientType>('pf.client', async (ids) => byKey(ids, await clients.byIds(ids), (r) => r.id)),
    project: ctx.loaders.get<number, ProjectType>('pf.project', async (ids) => byKey(ids, await projects.byIds(ids), (r) => r.id)),
    contacts: ctx.loaders.get<number, ContactType[]>('pf.contacts', async (ids) =>
      groupByKey(ids, await clients.contactsOf(ids), (r) => r.clientId),
    ),
    projectsOfClient: ctx.loaders.get<number, ProjectType[]>('pf.projectsOfClient', async (ids) =>
      groupByKey(ids, await projects.ofClients(ids), (r) => r.clientId),
    ),
    lastContactOn: ctx.loaders.get<number, string>('pf.lastContactOn', async (ids) =>
      byKey(ids, await clients.lastContactOn(ids), (r) => r.clientId).map((r) => r?.on ?? null),
    ),
    contactLog: (first: number) =>
      ctx.loaders.get<number, ClientContactLogType[]>(`pf.contactLog:${first}`, async (ids) =>
        groupByKey(ids, await clients.contactLog(ids, first), (r) => r.clientId),
      ),
    lastStatement: ctx.loaders.get<number, CashFlowStatementType>('pf.lastStatement', async (ids) =>
      byKey(ids, await projects.lastStatements(ids), (r) => r.projectId),
    ),
    statements: (args: StatementsArgs) =>
      ctx.loaders.get<number, ConnectionShape<CashFlowStatementType>>(
        `pf.statements:${JSON.stringify([args.from, args.to, args.first, args.after])}`,
        async (ids) => {
          const pages = await projects.statementPages(ids, args);
          return ids.map((id) => pages.get(id) ?? null);
        },
      ),
    assignments: ctx.loaders.get<number, AssignmentType[]>('pf.assignments', async (ids) =>
      groupByKey(ids, await projects.assignmentsOf(ids), (r) => r.projectId),
    ),
    cases: ctx.loaders.get<number, RestructuringCaseType[]>('pf.cases', async (ids) =>
      groupByKey(ids, await projects.casesOf(ids), (r) => r.projectId),
    ),
    agentBank: ctx.loaders.get<number, SettlementAgentBankType>('pf.agentBank', async (ids) =>
      byKey(ids, await banks.byIds(ids), (r) => r.id),
    ),
    evaluations: (last: number | null) =>
      ctx.loaders.get<number, AgentBankEvaluationType[]>(`pf.evaluations:${last}`, async (ids) =>
        groupByKey(ids, await banks.evaluations(ids, last), (r) => r.agentBankId),
      ),
    agentBankProjectCount: ctx.loaders.get<number, number>('pf.agentBankProjectCount', async (ids) =>
      byKey(ids, await banks.projectCounts(ids), (r) => r.agentBankId).map((r) => r?.n ?? 0),
    ),
  };
};
