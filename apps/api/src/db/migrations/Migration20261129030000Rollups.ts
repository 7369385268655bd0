import { Migration } from '@mikro-orm/migrations';

// Pre-aggregated KPI rollups (issue 6, "Fast KPIs"): see docs/performance.md and modules/rollup.
export class Migration20261129030000Rollups extends Migration {
  override async up(): Promise<void> {
    this.addSql(SQL);
  }
}

/** Measure columns shared by the coarse rollups (per-class counts and balances folded into columns). */
const MEASURES = `
  n integer NOT NULL DEFAULT 0,
  balance numeric NOT NULL DEFAULT 0,
  npl_balance numeric NOT NULL DEFAULT 0,
  n_key_large integer NOT NULL DEFAULT 0,
  due numeric NOT NULL DEFAULT 0,
  repaid numeric NOT NULL DEFAULT 0,
  n_submitted integer NOT NULL DEFAULT 0,
  n_on_time integer NOT NULL DEFAULT 0,
  dg_pairs integer NOT NULL DEFAULT 0,
  dg_down integer NOT NULL DEFAULT 0,
  n_normal integer NOT NULL DEFAULT 0, n_special_mention integer NOT NULL DEFAULT 0, n_substandard integer NOT NULL DEFAULT 0,
  n_doubtful integer NOT NULL DEFAULT 0, n_loss integer NOT NULL DEFAULT 0,
  b_normal numeric NOT NULL DEFAULT 0, b_special_mention numeric NOT NULL DEFAULT 0, b_substandard numeric NOT NULL DEFAULT 0,
  b_doubtful numeric NOT NULL DEFAULT 0, b_loss numeric NOT NULL DEFAULT 0`;

const SQL = String.raw`
-- Freshness: one row. generation is bumped by every rollup change (cache key); config_generation by
-- changes of the small tables that rankings and scorecards read beside the rollups (staff, weights, …).
CREATE TABLE rollup_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  refreshed_at timestamptz,
  maintained_at timestamptz,
  generation bigint NOT NULL DEFAULT 0,
  config_generation bigint NOT NULL DEFAULT 0
);
INSERT INTO rollup_state DEFAULT VALUES;

-- Base-table changes the rollups do not include yet (written by triggers, in the changing
-- transaction). Rollups are fresh exactly when this table is empty. month NULL = every month;
-- project_id / client_id NULL = every project / client of the month.
CREATE TABLE rollup_dirty (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  month date,
  project_id integer,
  client_id integer,
  at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO rollup_dirty (source) VALUES ('never_refreshed');

-- Fine grain, the source of incremental deltas: month x branch x client manager (0 = none) x
-- sector x importance x classification of the statement.
CREATE TABLE rollup_fine (
  month date NOT NULL,
  branch_id integer NOT NULL,
  manager_id integer NOT NULL,
  sector sector NOT NULL,
  importance importance_grade NOT NULL,
  classification classification NOT NULL,
  n integer NOT NULL,
  balance numeric NOT NULL,
  due numeric NOT NULL,
  repaid numeric NOT NULL,
  n_submitted integer NOT NULL,
  n_on_time integer NOT NULL,
  dg_pairs integer NOT NULL,
  dg_down integer NOT NULL,
  PRIMARY KEY (month, branch_id, manager_id, sector, importance, classification)
);

-- Coarse grains read by the API (maintained by deltas of rollup_fine).
CREATE TABLE rollup_bank (month date NOT NULL, sector sector NOT NULL, importance importance_grade NOT NULL, ${MEASURES},
  PRIMARY KEY (month, sector, importance));
CREATE TABLE rollup_branch (month date NOT NULL, branch_id integer NOT NULL, ${MEASURES},
  PRIMARY KEY (month, branch_id));
CREATE INDEX rollup_branch_branch_idx ON rollup_branch (branch_id, month);
CREATE TABLE rollup_manager (month date NOT NULL, manager_id integer NOT NULL, ${MEASURES},
  PRIMARY KEY (month, manager_id));
CREATE INDEX rollup_manager_manager_idx ON rollup_manager (manager_id, month);

-- Project attributes as last rolled up (to find the old keys when a project moves).
CREATE TABLE rollup_project (
  project_id integer PRIMARY KEY,
  branch_id integer NOT NULL,
  manager_id integer NOT NULL,
  sector sector NOT NULL,
  importance importance_grade NOT NULL
);

-- Contact coverage (distinct clients): dim 'bank' (key ''), 'owner' (staff id), 'sector', 'importance'.
CREATE TABLE rollup_coverage (
  month date NOT NULL,
  dim text NOT NULL CHECK (dim IN ('bank', 'owner', 'sector', 'importance')),
  key text NOT NULL,
  clients integer NOT NULL,
  covered integer NOT NULL,
  PRIMARY KEY (month, dim, key)
);

-- Triggers: every base change the rollups depend on leaves a rollup_dirty row in its transaction.
CREATE FUNCTION rollup_dirty_statements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
    IF n > 1000 THEN
      INSERT INTO rollup_dirty (source, month) SELECT DISTINCT 'statement', month FROM old_rows;
    ELSE
      INSERT INTO rollup_dirty (source, month, project_id) SELECT DISTINCT 'statement', month, project_id FROM old_rows;
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT count(*) INTO n FROM new_rows;
    IF n > 1000 THEN
      INSERT INTO rollup_dirty (source, month) SELECT DISTINCT 'statement', month FROM (SELECT month FROM new_rows UNION SELECT month FROM old_rows) x;
    ELSE
      INSERT INTO rollup_dirty (source, month, project_id)
      SELECT DISTINCT 'statement', month, project_id FROM (SELECT month, project_id FROM new_rows UNION SELECT month, project_id FROM old_rows) x;
    END IF;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
    IF n > 1000 THEN
      INSERT INTO rollup_dirty (source, month) SELECT DISTINCT 'statement', month FROM new_rows;
    ELSE
      INSERT INTO rollup_dirty (source, month, project_id) SELECT DISTINCT 'statement', month, project_id FROM new_rows;
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER rollup_statement_ins AFTER INSERT ON cash_flow_statement REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_statements();
CREATE TRIGGER rollup_statement_upd AFTER UPDATE ON cash_flow_statement REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_statements();
CREATE TRIGGER rollup_statement_del AFTER DELETE ON cash_flow_statement REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_statements();

CREATE FUNCTION rollup_dirty_projects() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  SELECT count(*) INTO n FROM old_rows o JOIN new_rows w ON w.id = o.id
  WHERE (o.branch_id, o.manager_id, o.sector, o.importance, o.client_id) IS DISTINCT FROM (w.branch_id, w.manager_id, w.sector, w.importance, w.client_id);
  IF n > 1000 THEN
    INSERT INTO rollup_dirty (source) VALUES ('project');
  ELSIF n > 0 THEN
    INSERT INTO rollup_dirty (source, project_id)
    SELECT 'project', o.id FROM old_rows o JOIN new_rows w ON w.id = o.id
    WHERE (o.branch_id, o.manager_id, o.sector, o.importance, o.client_id) IS DISTINCT FROM (w.branch_id, w.manager_id, w.sector, w.importance, w.client_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER rollup_project_upd AFTER UPDATE ON project REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_projects();

CREATE FUNCTION rollup_dirty_clients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty (source, client_id)
  SELECT DISTINCT 'client', o.id FROM old_rows o JOIN new_rows w ON w.id = o.id WHERE o.owner_id IS DISTINCT FROM w.owner_id;
  RETURN NULL;
END $$;
CREATE TRIGGER rollup_client_upd AFTER UPDATE ON client REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_clients();

-- A contact on day d counts for the months whose 90-day window (last day − 89 … last day) holds d.
CREATE FUNCTION rollup_dirty_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO rollup_dirty (source, month, client_id)
    SELECT DISTINCT 'contact', m::date, o.client_id FROM old_rows o,
      generate_series(date_trunc('month', o.contacted_on), date_trunc('month', o.contacted_on + 89), interval '1 month') m;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO rollup_dirty (source, month, client_id)
    SELECT DISTINCT 'contact', m::date, w.client_id FROM new_rows w,
      generate_series(date_trunc('month', w.contacted_on), date_trunc('month', w.contacted_on + 89), interval '1 month') m;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER rollup_contact_ins AFTER INSERT ON client_contact REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_contacts();
CREATE TRIGGER rollup_contact_upd AFTER UPDATE ON client_contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_contacts();
CREATE TRIGGER rollup_contact_del AFTER DELETE ON client_contact REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_contacts();

CREATE FUNCTION rollup_dirty_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty (source) VALUES (TG_TABLE_NAME || '.truncate');
  RETURN NULL;
END $$;
CREATE TRIGGER rollup_statement_trunc AFTER TRUNCATE ON cash_flow_statement FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_all();
CREATE TRIGGER rollup_project_trunc AFTER TRUNCATE ON project FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_all();
CREATE TRIGGER rollup_client_trunc AFTER TRUNCATE ON client FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_all();
CREATE TRIGGER rollup_contact_trunc AFTER TRUNCATE ON client_contact FOR EACH STATEMENT EXECUTE FUNCTION rollup_dirty_all();

-- Staff moving unit (owner's branch for coverage is read at query time, so only caches care):
-- small tables whose change invalidates cached rankings and scorecards.
CREATE FUNCTION rollup_config_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE rollup_state SET config_generation = config_generation + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER rollup_cfg_staff AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff FOR EACH STATEMENT EXECUTE FUNCTION rollup_config_changed();
CREATE TRIGGER rollup_cfg_org AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit FOR EACH STATEMENT EXECUTE FUNCTION rollup_config_changed();
CREATE TRIGGER rollup_cfg_team AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON team FOR EACH STATEMENT EXECUTE FUNCTION rollup_config_changed();
CREATE TRIGGER rollup_cfg_setting AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON setting FOR EACH STATEMENT EXECUTE FUNCTION rollup_config_changed();
CREATE TRIGGER rollup_cfg_swv AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON score_weight_version FOR EACH STATEMENT EXECUTE FUNCTION rollup_config_changed();
CREATE TRIGGER rollup_cfg_sw AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON score_weight FOR EACH STATEMENT EXECUTE FUNCTION rollup_config_changed();
CREATE TRIGGER rollup_cfg_bt AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON branch_target FOR EACH STATEMENT EXECUTE FUNCTION rollup_config_changed();
`;
