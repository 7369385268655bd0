import { Migration } from '@mikro-orm/migrations';

/**
 * Client-manager ranking snapshots (issue 6): the bank-wide ranking of a month, computed once per
 * state of its inputs (rollup generation, configuration generation, today) and weight version and
 * norm, then read by every filter, page and distribution of that ranking. At bank scale computing
 * it takes seconds (50,000 client managers, two months, year-to-date sums); reading a snapshot
 * takes milliseconds. `key` names the exact inputs, so a snapshot is never read for other inputs.
 * Numeric columns are unconstrained so values keep the scale they were computed with (the API
 * prints them as text).
 */
export class Migration20261129070000RankingSnapshots extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE ranking_snapshot (
  id bigserial PRIMARY KEY,
  key text NOT NULL UNIQUE,
  month date NOT NULL,
  generation bigint NOT NULL,
  config_generation bigint NOT NULL,
  today date NOT NULL,
  rows integer,
  build_ms integer,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE ranking_snapshot_row (
  snapshot_id bigint NOT NULL REFERENCES ranking_snapshot (id) ON DELETE CASCADE,
  rank integer NOT NULL,
  id integer NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  team_id integer,
  branch_id integer,
  workload integer NOT NULL,
  npl_ratio numeric NOT NULL,
  recovery_rate numeric,
  timeliness numeric,
  coverage numeric,
  deviation numeric NOT NULL,
  c_aq numeric NOT NULL, c_rec numeric NOT NULL, c_rep numeric NOT NULL, c_con numeric NOT NULL, c_wl numeric NOT NULL,
  w_aq numeric NOT NULL, w_rec numeric NOT NULL, w_rep numeric NOT NULL, w_con numeric NOT NULL, w_wl numeric NOT NULL,
  score numeric NOT NULL,
  branch_rank integer NOT NULL,
  quartile integer NOT NULL,
  previous_rank integer,
  PRIMARY KEY (snapshot_id, rank)
);
CREATE INDEX ranking_snapshot_row_branch_idx ON ranking_snapshot_row (snapshot_id, branch_id, rank);
`);
  }
}
