import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { ImportKind } from './columns.js';
import { ImportProblemCode, PROBLEMS } from './problems.js';

export enum ImportKindEnum {
  CLIENTS = 'clients',
  PROJECTS = 'projects',
  STATEMENTS = 'statements',
}
registerEnumType(ImportKindEnum, {
  name: 'ImportKind',
  description: 'What a core-banking CSV file holds (columns in docs/import.md). Import clients, then projects, then statements.',
  valuesConfig: {
    CLIENTS: { description: 'Clients (客户), identified by their external key.' },
    PROJECTS: { description: 'Projects / loans (项目 / 贷款), identified by their external key.' },
    STATEMENTS: { description: 'Monthly cash-flow statements (月度现金流表), identified by (project external key, month).' },
  },
});

export enum ImportStatusEnum {
  COMMITTED = 'committed',
  PARTIAL = 'partial',
  REJECTED = 'rejected',
}
registerEnumType(ImportStatusEnum, {
  name: 'ImportStatus',
  description: 'Outcome of an import.',
  valuesConfig: {
    COMMITTED: { description: 'Every row was valid and the file was merged.' },
    PARTIAL: { description: 'allowPartial: the valid rows were merged, the others rejected.' },
    REJECTED: { description: 'The file had rejected rows and nothing was written (all-or-nothing).' },
  },
});

registerEnumType(ImportProblemCode, {
  name: 'ImportProblemCode',
  description: 'Why a row (`ImportRowError.code`) or a whole file (`extensions.importCode` of a `BAD_USER_INPUT` error on `input.content`) was refused: one code per reason template. `params` holds the values the English reason quotes, in order, so a client can say it in its own language (list and Chinese wording in docs/import.md).',
  valuesConfig: Object.fromEntries(Object.entries(PROBLEMS).map(([code, p]) => [code, {
    description: `${p.meaning}${p.file ? ' Refuses the file as a whole.' : ''} Reason: \`${p.reason}\`. Params: ${p.params.length ? p.params.map((d, i) => `{${i}} ${d}`).join('; ') : 'none'}.`,
  }])),
});

@InputType('ImportFileInput', { description: 'A CSV file exported by the core-banking system (UTF-8 with or without BOM, header row, comma separated; columns in docs/import.md).' })
export class ImportFileInput {
  @Field(() => ImportKindEnum, { description: 'What the file holds.' })
  kind!: ImportKind;

  @Field(() => String, { description: 'File name, kept in the import log (1–200 characters).' })
  fileName!: string;

  @Field(() => String, { description: 'The file content: CSV text, or base64 of the file bytes when `base64` is true. At most 10 MB of CSV.' })
  content!: string;

  @Field(() => Boolean, { nullable: true, description: '`content` is base64 (default false).' })
  base64?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Commit the valid rows even when some are rejected (default false: a file with any bad row changes nothing).' })
  allowPartial?: boolean | null;
}

@ObjectType('ImportRowError', { description: 'Why a row was rejected.' })
export class ImportRowErrorType {
  @Field(() => Int, { description: 'Line in the file where the row starts (the header is line 1; a quoted field may span lines).' })
  line!: number;

  @Field(() => String, { description: 'Column name from the header, or `*` for the row as a whole (wrong number of fields, unterminated quote).' })
  column!: string;

  @Field(() => ImportProblemCode, { description: 'What is wrong, as a code (one per reason template; docs/import.md lists them).' })
  code!: ImportProblemCode;

  @Field(() => [String], { description: 'The values `reason` quotes, in order, e.g. `["X9"]` for `unknown branch "X9"`, `["E1", "B2"]` for `client manager E1 does not work in branch B2`. Long values are cut at 40 characters followed by `…`, as in `reason`.' })
  params!: string[];

  @Field(() => String, { description: 'What is wrong, in English, e.g. `unknown branch "X9"`, `must not be negative: "-5"`: the template of `code` filled with `params`.' })
  reason!: string;
}

@ObjectType('ImportResult', { description: 'Outcome of one import. Always rowsIn = accepted + rejected; when committed, accepted = inserted + updated + unchanged.' })
export class ImportResultType {
  @Field(() => ID, { description: 'Import log entry (also written when nothing was committed).' })
  batchId!: string;

  @Field(() => ImportKindEnum, { description: 'What the file held.' })
  kind!: ImportKind;

  @Field(() => Int, { description: 'Data rows read (header and empty lines not counted).' })
  rowsIn!: number;

  @Field(() => Int, { description: 'Rows with no problem.' })
  accepted!: number;

  @Field(() => Int, { description: 'Rows with at least one problem.' })
  rejected!: number;

  @Field(() => Int, { description: 'New rows written (0 when not committed).' })
  inserted!: number;

  @Field(() => Int, { description: 'Existing rows changed (0 when not committed).' })
  updated!: number;

  @Field(() => Int, { description: 'Rows that already held exactly these values (0 when not committed).' })
  unchanged!: number;

  @Field(() => Int, { description: 'Statements: projects whose balance and classification were set from their latest statement. Projects: client-manager changes written to the assignment history. Clients: 0.' })
  followUps!: number;

  @Field(() => Int, { description: 'Number of problems found (a row may have several).' })
  errorCount!: number;

  @Field(() => [ImportRowErrorType], { description: 'The first 500 problems, by line.' })
  errors!: ImportRowErrorType[];

  @Field(() => Boolean, { description: 'True when the data was written (all rows valid, or allowPartial).' })
  committed!: boolean;

  @Field(() => String, { description: 'SHA-256 of the file bytes (hex).' })
  sha256!: string;

  @Field(() => Float, { description: 'Seconds the import took.' })
  seconds!: number;
}

@ObjectType('ImportBatch', { description: 'An entry of the import log (newest first).' })
export class ImportBatchType {
  @Field(() => ID, { description: 'Log entry id.' })
  id!: string;

  @Field(() => ImportKindEnum, { description: 'What the file held.' })
  kind!: ImportKind;

  @Field(() => String, { description: 'File name.' })
  fileName!: string;

  @Field(() => String, { description: 'SHA-256 of the file bytes (hex).' })
  sha256!: string;

  @Field(() => ImportStatusEnum, { description: 'Outcome.' })
  status!: string;

  @Field(() => Int, { description: 'Data rows read.' })
  rowsIn!: number;

  @Field(() => Int, { description: 'Rows with no problem.' })
  accepted!: number;

  @Field(() => Int, { description: 'Rows with at least one problem.' })
  rejected!: number;

  @Field(() => Int, { description: 'New rows written.' })
  inserted!: number;

  @Field(() => Int, { description: 'Existing rows changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Rows already up to date.' })
  unchanged!: number;

  @Field(() => String, { description: 'Where it was started: `cli` or `api`.' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'Who started it (API imports).' })
  importedBy!: string | null;

  @Field(() => DateTimeResolver, { description: 'When it started.' })
  startedAt!: Date;

  @Field(() => DateTimeResolver, { description: 'When it finished.' })
  finishedAt!: Date;
}
