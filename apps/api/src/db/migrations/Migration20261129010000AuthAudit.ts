import { Migration } from '@mikro-orm/migrations';

// Sign-in users, sessions and the append-only audit trail (issue: who sees what).
export class Migration20261129010000AuthAudit extends Migration {
  override async up(): Promise<void> {
    this.addSql(SQL);
  }
}

const SQL = String.raw`
CREATE TYPE app_role AS ENUM ('executive', 'hq_planner', 'branch_head', 'client_manager');

CREATE TABLE app_user (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
  -- scrypt$N$r$p$salt$hash (memory-hard; parameters stored so they can be raised later)
  password_hash text NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
  role app_role NOT NULL,
  staff_id integer REFERENCES staff (id),
  branch_id integer REFERENCES org_unit (id),
  display_name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'branch_head' OR branch_id IS NOT NULL),
  CHECK (role <> 'client_manager' OR (staff_id IS NOT NULL AND branch_id IS NOT NULL))
);

CREATE TABLE app_session (
  id text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX app_session_user_idx ON app_session (user_id);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  user_id integer REFERENCES app_user (id),
  username text,
  action text NOT NULL CHECK (action ~ '^[a-z_.]+$'),
  entity text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at DESC);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at DESC);

-- Append-only: nobody rewrites history, not even through SQL.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;
