import { Migration } from '@mikro-orm/migrations';

/**
 * Incremental ranking snapshots (issue 6). A snapshot is rebuilt after every write (its key holds
 * the rollup generation), and at bank scale a whole rebuild takes seconds. But a score depends only
 * on the person's own rollup rows, so a new snapshot can reuse every row of the previous one whose
 * person's rows have not changed, and only re-rank.
 *
 * `rollup_manager_change` records, per transaction, which client managers' ranking inputs
 * (`rollup_manager` rows, `rollup_coverage` rows of dim 'owner') it changed — written by statement
 * triggers, so no maintenance path can forget it; NULL = everyone (TRUNCATE, i.e. a full rebuild).
 * A snapshot stores the PostgreSQL snapshot it was built in (`pg_snapshot`): the people changed
 * since are exactly those logged by transactions not visible in it. Transaction ids, not the
 * generation, because the generation is bumped after the rollup rows are written.
 */
/** The statement triggers that log a rollup table's changed client managers. */
function changeTriggers(table: string): string {
  const fn = 'FOR EACH STATEMENT EXECUTE FUNCTION rollup_manager_changed();';
  return `CREATE TRIGGER ${table}_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows ${fn}
CREATE TRIGGER ${table}_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows ${fn}
CREATE TRIGGER ${table}_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows ${fn}
CREATE TRIGGER ${table}_trunc AFTER TRUNCATE ON ${table} ${fn}`;
}

export class Migration20261130080000RankingIncremental extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE TABLE rollup_manager_change (
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  manager_id integer
);

CREATE FUNCTION rollup_manager_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO rollup_manager_change (manager_id) VALUES (NULL);
  ELSIF TG_TABLE_NAME = 'rollup_manager' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO rollup_manager_change (manager_id) SELECT DISTINCT manager_id FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
      INSERT INTO rollup_manager_change (manager_id) SELECT manager_id FROM new_rows UNION SELECT manager_id FROM old_rows;
    ELSE
      INSERT INTO rollup_manager_change (manager_id) SELECT DISTINCT manager_id FROM old_rows;
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN
      INSERT INTO rollup_manager_change (manager_id) SELECT DISTINCT key::int FROM new_rows WHERE dim = 'owner';
    ELSIF TG_OP = 'UPDATE' THEN
      INSERT INTO rollup_manager_change (manager_id)
      SELECT key::int FROM new_rows WHERE dim = 'owner' UNION SELECT key::int FROM old_rows WHERE dim = 'owner';
    ELSE
      INSERT INTO rollup_manager_change (manager_id) SELECT DISTINCT key::int FROM old_rows WHERE dim = 'owner';
    END IF;
  END IF;
  RETURN NULL;
END $$;

${['rollup_manager', 'rollup_coverage'].map(changeTriggers).join('\n')}

-- The snapshot a ranking was built in, and whether m − 1 had statements (previous ranks exist).
ALTER TABLE ranking_snapshot ADD COLUMN built_in pg_snapshot, ADD COLUMN has_prev boolean, ADD COLUMN base_id bigint, ADD COLUMN changed integer;
-- m − 1's score and NPL ratio (the inputs of the previous rank), to re-rank m − 1 without recomputing it.
ALTER TABLE ranking_snapshot_row ADD COLUMN prev_score numeric, ADD COLUMN prev_npl_ratio numeric;
-- No foreign key from the rows to their snapshot: its per-row check was a third of the time of
-- writing a snapshot's 50,000 rows. Rows whose snapshot is gone are deleted after every build
-- (ranking.snapshot.ts), and readers check that the snapshot exists anyway.
ALTER TABLE ranking_snapshot_row DROP CONSTRAINT ranking_snapshot_row_snapshot_id_fkey;
-- Snapshots built before this migration have no built_in and cannot be a base: start afresh.
DELETE FROM ranking_snapshot;
DELETE FROM ranking_snapshot_row;
`);
  }
}
