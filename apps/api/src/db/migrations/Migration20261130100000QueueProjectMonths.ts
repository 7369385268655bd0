import { Migration } from '@mikro-orm/migrations';

/**
 * Statement changes of more than 1,000 (project, month) pairs in at most three months (a partial
 * monthly load, a correction of one month's statements) queue one row per pair, up to 50,000
 * pairs, instead of one row per project: the background refresher then recomputes those projects'
 * slices of those months (and + 3), not of every month they have. Changes spread over more months
 * keep the per-project rows (one pass over all months is cheaper than a pass per month), and
 * beyond 50,000 projects the month rows. `loan_desk.rollup_project_limit` lowers both limits for tests.
 */
const FUNCTION = (pairsRule: string) => String.raw`
CREATE OR REPLACE FUNCTION rollup_dirty_statements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n bigint; np bigint; nm bigint;
  lim bigint := coalesce(nullif(current_setting('loan_desk.rollup_project_limit', true), '')::bigint, 50000);
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*), count(DISTINCT project_id), count(DISTINCT month) INTO n, np, nm FROM old_rows;
    IF ${pairsRule} THEN
      INSERT INTO rollup_dirty (source, month, project_id) SELECT DISTINCT 'statement', month, project_id FROM old_rows;
    ELSIF np <= lim THEN
      INSERT INTO rollup_dirty (source, project_id) SELECT DISTINCT 'statement', project_id FROM old_rows;
    ELSE
      INSERT INTO rollup_dirty (source, month) SELECT DISTINCT 'statement', month FROM old_rows;
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT count(*), count(DISTINCT project_id), count(DISTINCT month) INTO n, np, nm
      FROM (SELECT month, project_id FROM new_rows UNION SELECT month, project_id FROM old_rows) x;
    IF ${pairsRule} THEN
      INSERT INTO rollup_dirty (source, month, project_id)
      SELECT DISTINCT 'statement', month, project_id FROM (SELECT month, project_id FROM new_rows UNION SELECT month, project_id FROM old_rows) x;
    ELSIF np <= lim THEN
      INSERT INTO rollup_dirty (source, project_id) SELECT DISTINCT 'statement', project_id FROM (SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows) x;
    ELSE
      INSERT INTO rollup_dirty (source, month) SELECT DISTINCT 'statement', month FROM (SELECT month FROM new_rows UNION SELECT month FROM old_rows) x;
    END IF;
  ELSE
    SELECT count(*), count(DISTINCT project_id), count(DISTINCT month) INTO n, np, nm FROM new_rows;
    IF ${pairsRule} THEN
      INSERT INTO rollup_dirty (source, month, project_id) SELECT DISTINCT 'statement', month, project_id FROM new_rows;
    ELSIF np <= lim THEN
      INSERT INTO rollup_dirty (source, project_id) SELECT DISTINCT 'statement', project_id FROM new_rows;
    ELSE
      INSERT INTO rollup_dirty (source, month) SELECT DISTINCT 'statement', month FROM new_rows;
    END IF;
  END IF;
  RETURN NULL;
END $$;`;

export class Migration20261130100000QueueProjectMonths extends Migration {
  override async up(): Promise<void> {
    // (A statement has one row per project and month, so n counts the pairs.)
    this.addSql(FUNCTION('n <= 1000 OR (n <= lim AND nm <= 3)'));
  }

  override async down(): Promise<void> {
    this.addSql(FUNCTION('n <= 1000'));
  }
}
