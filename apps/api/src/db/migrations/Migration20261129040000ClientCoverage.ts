import { Migration } from '@mikro-orm/migrations';

/**
 * Contact coverage maintained by per-client deltas instead of whole-month recounts (issue 6: the
 * recount took 10 s per month on a 1 M-project bank inside submitStatement). One row per owned
 * client and month with a statement: its owner, whether it was contacted in the 90-day window, and
 * bitmasks of the sectors / grades of its projects that month. Coverage rows (bank, owner, sector,
 * grade) are sums over these rows, so a change to a few clients is a few row deltas.
 */
export class Migration20261129040000ClientCoverage extends Migration {
  override async up(): Promise<void> {
    this.addSql(String.raw`
CREATE TABLE rollup_client_month (
  client_id integer NOT NULL,
  month date NOT NULL,
  owner_id integer NOT NULL,
  covered boolean NOT NULL,
  -- bit i (from 0) = the client has a statement that month of a project in the (i + 1)-th value of
  -- enum_range(NULL::sector) / enum_range(NULL::importance_grade)
  sectors integer NOT NULL,
  importances integer NOT NULL,
  PRIMARY KEY (client_id, month)
);
CREATE INDEX rollup_client_month_month_idx ON rollup_client_month (month);

-- The client a project was rolled up with (its old client's coverage changes when it moves).
ALTER TABLE rollup_project ADD COLUMN client_id integer;

-- Large statement changes (imports) queue their projects (every month) instead of whole months, up
-- to 50,000 projects: catching up a deferred 240,000-row import then recomputes those projects'
-- slices (seconds) instead of rebuilding twelve months (minutes at bank scale). The limit can be
-- lowered per session (loan_desk.rollup_project_limit) to exercise the month-level path in tests.
CREATE OR REPLACE FUNCTION rollup_dirty_statements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n bigint; np bigint;
  lim bigint := coalesce(nullif(current_setting('loan_desk.rollup_project_limit', true), '')::bigint, 50000);
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*), count(DISTINCT project_id) INTO n, np FROM old_rows;
    IF n <= 1000 THEN
      INSERT INTO rollup_dirty (source, month, project_id) SELECT DISTINCT 'statement', month, project_id FROM old_rows;
    ELSIF np <= lim THEN
      INSERT INTO rollup_dirty (source, project_id) SELECT DISTINCT 'statement', project_id FROM old_rows;
    ELSE
      INSERT INTO rollup_dirty (source, month) SELECT DISTINCT 'statement', month FROM old_rows;
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT count(*), count(DISTINCT project_id) INTO n, np FROM (SELECT month, project_id FROM new_rows UNION SELECT month, project_id FROM old_rows) x;
    IF n <= 1000 THEN
      INSERT INTO rollup_dirty (source, month, project_id)
      SELECT DISTINCT 'statement', month, project_id FROM (SELECT month, project_id FROM new_rows UNION SELECT month, project_id FROM old_rows) x;
    ELSIF np <= lim THEN
      INSERT INTO rollup_dirty (source, project_id) SELECT DISTINCT 'statement', project_id FROM (SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows) x;
    ELSE
      INSERT INTO rollup_dirty (source, month) SELECT DISTINCT 'statement', month FROM (SELECT month FROM new_rows UNION SELECT month FROM old_rows) x;
    END IF;
  ELSE
    SELECT count(*), count(DISTINCT project_id) INTO n, np FROM new_rows;
    IF n <= 1000 THEN
      INSERT INTO rollup_dirty (source, month, project_id) SELECT DISTINCT 'statement', month, project_id FROM new_rows;
    ELSIF np <= lim THEN
      INSERT INTO rollup_dirty (source, project_id) SELECT DISTINCT 'statement', project_id FROM new_rows;
    ELSE
      INSERT INTO rollup_dirty (source, month) SELECT DISTINCT 'statement', month FROM new_rows;
    END IF;
  END IF;
  RETURN NULL;
END $$;

-- The new table is empty: rollups are stale until the next full rebuild (the API's background
-- refresher or refresh-cli does it); reads use the base tables meanwhile.
INSERT INTO rollup_dirty (source) VALUES ('migration.client_coverage');
`);
  }
}
