import { Migration } from '@mikro-orm/migrations';

/**
 * Statement imports check the foreign key cash_flow_statement.project_id → project once per project
 * instead of once per row (docs/import.md, "How it works"). They do it by running their merge with
 * `session_replication_role = replica`, in which only triggers enabled ALWAYS fire, and only when
 * every trigger on INSERT or UPDATE of cash_flow_statement other than the foreign key's own checks
 * fires ALWAYS. This makes the rollup dirty-tracking triggers on INSERT and UPDATE fire ALWAYS:
 * nothing changes for ordinary sessions (they fire exactly as before); they now also fire in
 * replica mode, so the import's merge keeps the KPI rollups honest. If they are missing (or later
 * recreated as ordinary triggers), imports fall back to the per-row check by themselves.
 *
 * No data is touched and no index is built: a catalog change, instant even on the large bank.
 */
export class Migration20261129060000ImportSpeed extends Migration {
  override async up(): Promise<void> {
    this.addSql(String.raw`
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['rollup_statement_ins', 'rollup_statement_upd'] LOOP
    IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'cash_flow_statement'::regclass AND tgname = t) THEN
      EXECUTE format('ALTER TABLE cash_flow_statement ENABLE ALWAYS TRIGGER %I', t);
    END IF;
  END LOOP;
END $$;`);
  }
}
