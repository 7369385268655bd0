import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from './migrations/index.js';
import { OrgUnit } from '../modules/organization/entities/org-unit.entity.js';
import { Team } from '../modules/organization/entities/team.entity.js';
import { Staff } from '../modules/organization/entities/staff.entity.js';
import { StaffingScenario } from '../modules/organization/entities/staffing-scenario.entity.js';
import { StaffingLine } from '../modules/organization/entities/staffing-line.entity.js';
import { Client } from '../modules/portfolio/entities/client.entity.js';
import { Contact } from '../modules/portfolio/entities/contact.entity.js';
import { Project } from '../modules/portfolio/entities/project.entity.js';
import { CashFlowStatement } from '../modules/portfolio/entities/cash-flow-statement.entity.js';
import { ClientContact } from '../modules/portfolio/entities/client-contact.entity.js';
import { SettlementAgentBank } from '../modules/portfolio/entities/settlement-agent-bank.entity.js';
import { AgentBankEvaluation } from '../modules/portfolio/entities/agent-bank-evaluation.entity.js';
import { RestructuringCase } from '../modules/portfolio/entities/restructuring-case.entity.js';
import { Assignment } from '../modules/portfolio/entities/assignment.entity.js';
import { BranchTarget } from '../modules/planning/entities/branch-target.entity.js';
import { Setting } from '../modules/planning/entities/setting.entity.js';
import { ScoreWeightVersion } from '../modules/planning/entities/score-weight-version.entity.js';
import { ScoreWeight } from '../modules/planning/entities/score-weight.entity.js';

export const ENTITIES = [
  OrgUnit, Team, Staff, StaffingScenario, StaffingLine,
  Client, Contact, Project, CashFlowStatement, ClientContact, SettlementAgentBank,
  AgentBankEvaluation, RestructuringCase, Assignment,
  BranchTarget, Setting, ScoreWeightVersion, ScoreWeight,
];

export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: true },
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
    pool: {
      min: 0,
      max: 10,
      // A runaway query is cancelled instead of holding a connection (mapped to a clear error).
      afterCreate: (conn: { query: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) => {
        conn.query(`SET statement_timeout = ${Number(process.env.STATEMENT_TIMEOUT_MS ?? 15000)}`, (err) => done(err, conn));
      },
    },
    // Repositories are the only place that builds SQL; keep the ORM quiet unless asked.
    debug: process.env.ORM_DEBUG === '1',
    allowGlobalContext: false,
    ...overrides,
  });
}

export async function openOrm(clientUrl: string, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, overrides));
}

export async function migrate(orm: MikroORM): Promise<void> {
  await orm.getMigrator().up();
}
