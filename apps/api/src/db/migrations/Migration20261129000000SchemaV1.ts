import { Migration } from '@mikro-orm/migrations';

// Initial schema. Kept as one SQL text so reviewers read exactly what PostgreSQL enforces.
export class Migration20261129000000SchemaV1 extends Migration {
  override async up(): Promise<void> {
    this.addSql(SQL);
  }
}

const SQL = String.raw`
-- Loan Desk schema, version 1. The database enforces what must always hold; the app relies on it.

CREATE DOMAIN month AS date CHECK (VALUE = date_trunc('month', VALUE)::date);
COMMENT ON DOMAIN month IS 'A calendar month, stored as its first day';
CREATE DOMAIN amount AS numeric(20, 2) CHECK (VALUE >= 0);
COMMENT ON DOMAIN amount IS 'A non-negative amount in the project currency, exact decimal';
CREATE DOMAIN ratio AS numeric(9, 6) CHECK (VALUE >= 0 AND VALUE <= 1);

CREATE TYPE org_unit_kind AS ENUM ('head_office', 'bureau', 'division', 'branch', 'branch_division');
CREATE TYPE staff_role AS ENUM (
  'president', 'vice_president', 'bureau_director', 'division_head', 'bureau_officer',
  'hq_credit_officer', 'restructuring_specialist', 'branch_president', 'loan_division_head',
  'senior_client_manager', 'client_manager', 'assistant', 'secretary', 'back_office');
CREATE TYPE sector AS ENUM ('energy', 'transport', 'telecom', 'raw_materials', 'agriculture', 'urban_infrastructure', 'other');
CREATE TYPE classification AS ENUM ('normal', 'special_mention', 'substandard', 'doubtful', 'loss');
CREATE TYPE importance_grade AS ENUM ('key', 'large', 'normal');
CREATE TYPE project_status AS ENUM ('active', 'settled', 'written_off');
CREATE TYPE currency AS ENUM ('CNY', 'USD');
CREATE TYPE company_nature AS ENUM ('state_owned', 'private', 'foreign_invested', 'collective', 'other');
CREATE TYPE contact_kind AS ENUM ('visit', 'call', 'meeting');
CREATE TYPE restructuring_status AS ENUM ('open', 'restructured', 'recovered', 'written_off');
CREATE TYPE score_subject AS ENUM ('client_manager', 'branch');

CREATE TABLE org_unit (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{1,40}$'),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  name_zh text NOT NULL CHECK (length(btrim(name_zh)) > 0),
  kind org_unit_kind NOT NULL,
  parent_id integer REFERENCES org_unit (id),
  region text,
  sort_order integer NOT NULL DEFAULT 0,
  CHECK ((kind = 'head_office') = (parent_id IS NULL)),
  UNIQUE (parent_id, name)
);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);
CREATE UNIQUE INDEX org_unit_branch_name_uq ON org_unit (name) WHERE kind = 'branch';

CREATE TABLE team (
  id serial PRIMARY KEY,
  branch_id integer NOT NULL REFERENCES org_unit (id),
  sector sector NOT NULL,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  UNIQUE (branch_id, sector)
);

CREATE TABLE staff (
  id serial PRIMARY KEY,
  employee_no text NOT NULL UNIQUE,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
  unit_id integer NOT NULL REFERENCES org_unit (id),
  role staff_role NOT NULL,
  grade smallint NOT NULL CHECK (grade BETWEEN 1 AND 12),
  team_id integer REFERENCES team (id),
  email text,
  hired_on date NOT NULL,
  active boolean NOT NULL DEFAULT true,
  -- Only client managers sit in sector teams.
  CHECK (team_id IS NULL OR role IN ('senior_client_manager', 'client_manager'))
);
CREATE INDEX staff_unit_role_idx ON staff (unit_id, role);
CREATE INDEX staff_team_idx ON staff (team_id);

CREATE TABLE staffing_scenario (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
  name_zh text,
  description text,
  project_count integer NOT NULL CHECK (project_count >= 0),
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE staffing_line (
  id serial PRIMARY KEY,
  scenario_id integer NOT NULL REFERENCES staffing_scenario (id) ON DELETE CASCADE,
  unit_id integer NOT NULL REFERENCES org_unit (id),
  role staff_role NOT NULL,
  headcount integer NOT NULL CHECK (headcount >= 0),
  UNIQUE (scenario_id, unit_id, role)
);

CREATE TABLE setting (
  key text PRIMARY KEY,
  value text NOT NULL,
  description text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE score_weight_version (
  id serial PRIMARY KEY,
  subject score_subject NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by integer REFERENCES staff (id),
  note text,
  UNIQUE (subject, version)
);

CREATE TABLE score_weight (
  version_id integer NOT NULL REFERENCES score_weight_version (id),
  component text NOT NULL CHECK (component ~ '^[a-z_]+$'),
  weight numeric(5, 4) NOT NULL CHECK (weight >= 0 AND weight <= 1),
  PRIMARY KEY (version_id, component)
);

CREATE TABLE settlement_agent_bank (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
  name_zh text,
  city text
);

CREATE TABLE agent_bank_evaluation (
  id serial PRIMARY KEY,
  agent_bank_id integer NOT NULL REFERENCES settlement_agent_bank (id),
  quarter month NOT NULL CHECK (extract(month FROM quarter) IN (1, 4, 7, 10)),
  timeliness_score numeric(5, 2) NOT NULL CHECK (timeliness_score BETWEEN 0 AND 100),
  accuracy_score numeric(5, 2) NOT NULL CHECK (accuracy_score BETWEEN 0 AND 100),
  evaluated_by integer REFERENCES staff (id),
  notes text,
  UNIQUE (agent_bank_id, quarter)
);

CREATE TABLE client (
  id serial PRIMARY KEY,
  external_key text UNIQUE,
  name varchar(50) NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
  client_type text,
  industry text,
  source text,
  company_nature company_nature NOT NULL DEFAULT 'other',
  annual_revenue amount,
  address text,
  branch_id integer REFERENCES org_unit (id),
  -- NULL owner = the client sits in the client pool.
  owner_id integer REFERENCES staff (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_owner_idx ON client (owner_id);
CREATE INDEX client_branch_idx ON client (branch_id);
CREATE INDEX client_updated_idx ON client (updated_at DESC);
CREATE INDEX client_created_idx ON client (created_at DESC);
CREATE INDEX client_pool_idx ON client (id) WHERE owner_id IS NULL;

CREATE TABLE contact (
  id serial PRIMARY KEY,
  client_id integer NOT NULL REFERENCES client (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
  title text,
  phone text,
  email text CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$')
);
CREATE INDEX contact_client_idx ON contact (client_id);

CREATE TABLE project (
  id serial PRIMARY KEY,
  external_key text UNIQUE,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  client_id integer NOT NULL REFERENCES client (id),
  branch_id integer NOT NULL REFERENCES org_unit (id),
  manager_id integer REFERENCES staff (id),
  assistant_id integer REFERENCES staff (id),
  sector sector NOT NULL,
  approved_amount amount NOT NULL,
  disbursed_amount amount NOT NULL,
  balance amount NOT NULL,
  currency currency NOT NULL DEFAULT 'CNY',
  start_date date NOT NULL,
  maturity_date date NOT NULL,
  status project_status NOT NULL DEFAULT 'active',
  importance importance_grade NOT NULL DEFAULT 'normal',
  classification classification NOT NULL DEFAULT 'normal',
  agent_bank_id integer REFERENCES settlement_agent_bank (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (maturity_date >= start_date),
  CHECK (disbursed_amount <= approved_amount)
);
CREATE INDEX project_branch_idx ON project (branch_id);
CREATE INDEX project_manager_idx ON project (manager_id);
CREATE INDEX project_client_idx ON project (client_id);
CREATE INDEX project_maturity_idx ON project (maturity_date) WHERE status = 'active';

-- One statement per project per month; scope attributes come through the project.
CREATE TABLE cash_flow_statement (
  project_id integer NOT NULL REFERENCES project (id),
  month month NOT NULL,
  balance amount NOT NULL,
  principal_due amount NOT NULL,
  interest_due amount NOT NULL,
  principal_repaid amount NOT NULL,
  interest_repaid amount NOT NULL,
  classification classification NOT NULL,
  days_overdue integer NOT NULL DEFAULT 0 CHECK (days_overdue >= 0),
  submitted_on date,
  PRIMARY KEY (project_id, month)
);
-- KPI scans go month-first; the INCLUDE list makes them index-only.
CREATE INDEX statement_month_idx ON cash_flow_statement (month, project_id)
  INCLUDE (balance, classification, principal_due, interest_due, principal_repaid, interest_repaid, submitted_on);

CREATE TABLE client_contact (
  id serial PRIMARY KEY,
  client_id integer NOT NULL REFERENCES client (id),
  staff_id integer NOT NULL REFERENCES staff (id),
  kind contact_kind NOT NULL,
  contacted_on date NOT NULL,
  notes text CHECK (notes IS NULL OR length(notes) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_contact_client_idx ON client_contact (client_id, contacted_on DESC);
CREATE INDEX client_contact_staff_idx ON client_contact (staff_id, contacted_on DESC);

CREATE TABLE restructuring_case (
  id serial PRIMARY KEY,
  project_id integer NOT NULL REFERENCES project (id),
  specialist_id integer REFERENCES staff (id),
  status restructuring_status NOT NULL DEFAULT 'open',
  opened_on date NOT NULL,
  closed_on date,
  notes text,
  CHECK (closed_on IS NULL OR closed_on >= opened_on),
  CHECK ((status = 'open') = (closed_on IS NULL))
);
CREATE INDEX restructuring_case_project_idx ON restructuring_case (project_id);

CREATE TABLE assignment (
  id serial PRIMARY KEY,
  project_id integer NOT NULL REFERENCES project (id),
  from_staff_id integer REFERENCES staff (id),
  to_staff_id integer REFERENCES staff (id),
  assigned_by integer REFERENCES staff (id),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0)
);
CREATE INDEX assignment_project_idx ON assignment (project_id, assigned_at DESC);

CREATE TABLE branch_target (
  id serial PRIMARY KEY,
  branch_id integer NOT NULL REFERENCES org_unit (id),
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  target_npl_ratio ratio NOT NULL,
  target_recovery_rate ratio NOT NULL,
  planned_recovery amount NOT NULL,
  planned_new_lending amount NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (branch_id, year)
);
`;
