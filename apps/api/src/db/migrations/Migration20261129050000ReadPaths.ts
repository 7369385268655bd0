import { Migration } from '@mikro-orm/migrations';

/**
 * Read paths of the dashboard's Branch page at bank scale (issue 6): the watch list (a branch's
 * active key and large projects, worst class first, with their total) finds its rows in one index
 * range instead of every project of the branch. IF NOT EXISTS: the index may have been built by
 * hand on a large bank before this migration ran.
 */
export class Migration20261129050000ReadPaths extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS project_branch_status_importance_idx ON project (branch_id, status, importance);`);
  }
}
