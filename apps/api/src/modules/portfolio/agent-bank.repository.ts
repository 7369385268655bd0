import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../common/errors.js';
import { pageSize, toConnection, type ConnectionShape } from '../../common/pagination.js';
import { sql } from '../../common/sql.js';
import type { UpcomingRepaymentsArgs } from './portfolio.inputs.js';
import { keyset, optionalId, pgArray, TODAY } from './portfolio.sql.js';
import type { AgentBankEvaluationType, SettlementAgentBankType, UpcomingRepaymentType } from './portfolio.types.js';
import { rowFilter, type DataScope } from '../auth/data-scope.js';


export class AgentBankRepository {
  /** Banks are reference data; the project counts and repayments are restricted to the viewer's projects. */
  constructor(
    private readonly em: EntityManager,
    private readonly scope: DataScope,
  ) {}

  all(): Promise<SettlementAgentBankType[]> {
    return sql(this.em, `SELECT id, name, name_zh AS "nameZh", city FROM settlement_agent_bank ORDER BY name, id`);
  }

  byIds(ids: readonly number[]): Promise<SettlementAgentBankType[]> {
    if (!ids.length) return Promise.resolve([]);
    return sql(this.em, `SELECT id, name, name_zh AS "nameZh", city FROM settlement_agent_bank WHERE id = ANY(?::int[])`, [pgArray(ids)]);
  }

  /** The latest `last` quarterly evaluations of each bank (all when null), newest first. */
  evaluations(bankIds: readonly number[], last: number | null): Promise<AgentBankEvaluationType[]> {
    if (!bankIds.length) return Promise.resolve([]);
    return sql(
      this.em,
      `SELECT * FROM (
        SELECT e.agent_bank_id AS "agentBankId", to_char(e.quarter, 'YYYY-MM') AS quarter, e.timeliness_score::text AS "timelinessScore",
          e.accuracy_score::text AS "accuracyScore", e.evaluated_by AS "evaluatedById", e.notes,
          row_number() OVER (PARTITION BY e.agent_bank_id ORDER BY e.quarter DESC) AS rn
        FROM agent_bank_evaluation e WHERE e.agent_bank_id = ANY(?::int[])) x
      WHERE ?::int IS NULL OR rn <= ?::int ORDER BY "agentBankId", rn`,
      [pgArray(bankIds), last, last],
    );
  }

  projectCounts(bankIds: readonly number[]): Promise<{ agentBankId: number; n: number }[]> {
    if (!bankIds.length) return Promise.resolve([]);
    return sql(
      this.em,
      `SELECT agent_bank_id AS "agentBankId", count(*)::int AS n FROM project p
      WHERE status = 'active' AND agent_bank_id = ANY(?::int[]) AND ${rowFilter(this.scope).project('p')} GROUP BY agent_bank_id`,
      [pgArray(bankIds)],
    );
  }

  /**
   * Repayments falling due from today through today + `days` for active projects: interest on
   * the 20th of every month, principal too in March, June, September and December (product
   * rule). Expected interest = the latest statement's interest due; expected principal (quarter
   * months) = the latest non-zero principal due, capped at the balance. Exact decimals in SQL.
   * Due dates after the project's maturity date are left out. Ordered by due date, then project.
   */
  async upcoming(args: UpcomingRepaymentsArgs): Promise<ConnectionShape<UpcomingRepaymentType>> {
    const first = pageSize(args.first);
    const days = args.days ?? 30;
    if (!Number.isInteger(days) || days < 1 || days > 366) throw badInput('days', 'must be between 1 and 366');
    const where: string[] = [`p.status = 'active'`, 'd.due_date <= p.maturity_date', rowFilter(this.scope).project('p')];
    const params: unknown[] = [];
    const add = (cond: string, ...p: unknown[]): void => {
      where.push(cond);
      params.push(...p);
    };
    const branchId = optionalId(args.branchId, 'branchId');
    if (branchId !== undefined) add('p.branch_id = ?', branchId);
    const managerId = optionalId(args.clientManagerId, 'clientManagerId');
    if (managerId !== undefined) add('p.manager_id = ?', managerId);
    const ks = keyset({ expr: 'd.due_date', cast: 'date' }, 'p.id', false, 'repayment', args.after);
    const dues = `(SELECT g::date AS due_date FROM generate_series(date_trunc('month', ${TODAY}::timestamp) + interval '19 days',
        (${TODAY} + ?::int)::timestamp, interval '1 month') g WHERE g::date >= ${TODAY}) d`;
    const cond = where.join(' AND ');
    const [rows, count] = await Promise.all([
      sql<UpcomingRepaymentType & { sortKey: string }>(
        this.em,
        `
        SELECT p.id || ':' || d.due_date::text AS id, p.id AS "projectId", p.client_id AS "clientId", p.manager_id AS "managerId",
          to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate", d.due_date::text AS "sortKey", x.quarter_end AS "quarterEnd", p.currency,
          to_char(ls.month, 'YYYY-MM') AS "basedOnMonth", x.interest::text AS "expectedInterest", x.principal::text AS "expectedPrincipal",
          (x.interest + x.principal)::text AS "expectedTotal"
        FROM project p CROSS JOIN ${dues}
        LEFT JOIN LATERAL (SELECT s.month, s.interest_due FROM cash_flow_statement s WHERE s.project_id = p.id ORDER BY s.month DESC LIMIT 1) ls ON true
        LEFT JOIN LATERAL (SELECT s.principal_due FROM cash_flow_statement s WHERE s.project_id = p.id AND s.principal_due > 0 ORDER BY s.month DESC LIMIT 1) lp ON true
        CROSS JOIN LATERAL (SELECT extract(month FROM d.due_date) IN (3, 6, 9, 12) AS quarter_end) q
        CROSS JOIN LATERAL (SELECT q.quarter_end, coalesce(ls.interest_due::numeric, 0) AS interest,
          CASE WHEN q.quarter_end THEN least(coalesce(lp.principal_due::numeric, 0), p.balance::numeric) ELSE 0::numeric END AS principal) x
        WHERE ${cond} AND ${ks.where} ORDER BY ${ks.orderBy} LIMIT ?`,
        [days, ...params, ...ks.params, first + 1],
      ),
      sql<{ n: number }>(this.em, `SELECT count(*)::int AS n FROM project p CROSS JOIN ${dues} WHERE ${cond}`, [days, ...params]),
    ]);
    return toConnection(
      rows,
      first,
      count[0]?.n ?? 0,
      args.after,
      (r) => [ks.tag, r.sortKey, r.projectId],
      ({ sortKey: _k, ...r }) => r,
    );
  }
}
