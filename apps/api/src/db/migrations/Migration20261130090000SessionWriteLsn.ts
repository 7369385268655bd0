import { Migration } from '@mikro-orm/migrations';

/**
 * Read replicas (docs/scaling.md): the primary's WAL position after a session's last write. A read
 * of that session goes to a replica only once the replica has replayed up to it, so a user always
 * sees their own writes (read-your-writes); other sessions read the replica at once.
 */
export class Migration20261130090000SessionWriteLsn extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE app_session ADD COLUMN write_lsn pg_lsn`);
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER TABLE app_session DROP COLUMN write_lsn`);
  }
}
