import { Migration } from '@mikro-orm/migrations';

// Core-banking file imports (issue 6): one row per import attempt, committed with the data it wrote.
export class Migration20261129020000Import extends Migration {
  override async up(): Promise<void> {
    this.addSql(SQL);
  }
}

const SQL = String.raw`
CREATE TYPE import_kind AS ENUM ('clients', 'projects', 'statements');
CREATE TYPE import_status AS ENUM ('committed', 'partial', 'rejected');

-- committed: every row was valid and merged. partial: the valid rows were merged, the others
-- rejected (allowPartial). rejected: the file had bad rows and nothing was written (all-or-nothing);
-- that row is written in its own transaction after the rollback, so it records the attempt only.
CREATE TABLE import_batch (
  id serial PRIMARY KEY,
  kind import_kind NOT NULL,
  file_name text NOT NULL CHECK (length(btrim(file_name)) > 0),
  sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bigint NOT NULL CHECK (bytes >= 0),
  allow_partial boolean NOT NULL,
  status import_status NOT NULL,
  rows_in integer NOT NULL CHECK (rows_in >= 0),
  accepted integer NOT NULL CHECK (accepted >= 0),
  rejected integer NOT NULL CHECK (rejected >= 0),
  inserted integer NOT NULL DEFAULT 0 CHECK (inserted >= 0),
  updated integer NOT NULL DEFAULT 0 CHECK (updated >= 0),
  unchanged integer NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
  error_count integer NOT NULL DEFAULT 0 CHECK (error_count >= 0),
  -- The first errors, [{line, column, reason}], for later review.
  errors jsonb NOT NULL DEFAULT '[]',
  source text NOT NULL CHECK (source IN ('cli', 'api')),
  imported_by integer REFERENCES app_user (id),
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  CHECK (rows_in = accepted + rejected),
  CHECK (status = 'rejected' OR accepted = inserted + updated + unchanged),
  CHECK (status <> 'rejected' OR inserted + updated + unchanged = 0),
  CHECK ((status = 'committed') = (rejected = 0) OR status = 'rejected'),
  CHECK (finished_at >= started_at)
);
CREATE INDEX import_batch_started_idx ON import_batch (started_at DESC, id DESC);
CREATE INDEX import_batch_sha_idx ON import_batch (sha256);
`;
