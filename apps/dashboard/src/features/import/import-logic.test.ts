import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { buildSchema, isEnumType } from 'graphql';
import { interpolate, MESSAGES, type MessageKey } from '../../app/messages';
import {
  MAX_IMPORT_BYTES,
  bytesToBase64,
  elapsedSeconds,
  errorReportCsv,
  errorReportName,
  errorsCaption,
  fileSizeProblem,
  formatFileSize,
  formatMegabytes,
  formatTimestamp,
  importErrorMessage,
  outcomeHeadline,
  problemKey,
  problemText,
  type ImportOutcome,
  type RowError,
} from './import-logic';

const en = (key: MessageKey, vars?: Record<string, string | number>) => interpolate(MESSAGES.en[key], vars);
const zh = (key: MessageKey, vars?: Record<string, string | number>) => interpolate(MESSAGES['zh-CN'][key], vars);

/** Deterministic pseudo-random bytes (every value 0–255 occurs). */
function bytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('bytesToBase64', () => {
  it('encodes a UTF-8 file with BOM and Chinese text byte for byte', () => {
    const file = new TextEncoder().encode('\uFEFFexternal_key,name\r\nC1,北京城建投资有限公司\r\n');
    expect([...file.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const b64 = bytesToBase64(file);
    expect(b64).toBe(Buffer.from(file).toString('base64'));
    expect(Buffer.from(b64, 'base64').equals(Buffer.from(file))).toBe(true);
  });

  it('gives standard padded base64 for every length, across its internal slices', () => {
    for (const n of [0, 1, 2, 3, 4, 4095, 4096, 4097, 49151, 49152, 49153, 100_003]) {
      const b = bytes(n, n + 1);
      expect(bytesToBase64(b), `length ${n}`).toBe(Buffer.from(b).toString('base64'));
    }
    expect(bytesToBase64(Uint8Array.from([0xff, 0x00]))).toBe('/wA=');
  });

  it('keeps bytes that are not UTF-8 as they are (the API reports them)', () => {
    const gbk = Uint8Array.from([0xb1, 0xb1, 0xbe, 0xa9]); // 北京 in GBK
    expect(Buffer.from(bytesToBase64(gbk), 'base64')).toEqual(Buffer.from(gbk));
  });
});

describe('size check', () => {
  it('accepts up to 10 MB (10,485,760 bytes) and refuses more before anything is sent', () => {
    expect(MAX_IMPORT_BYTES).toBe(10_485_760);
    expect(fileSizeProblem(1, en)).toBeNull();
    expect(fileSizeProblem(MAX_IMPORT_BYTES, en)).toBeNull();
    expect(fileSizeProblem(MAX_IMPORT_BYTES + 1, en)).toBe(
      'The file is 10.1 MB; at most 10 MB can be imported here. Use the command-line import for larger files.',
    );
    expect(fileSizeProblem(25 * 1048576, zh)).toBe('文件大小为 25 MB，此处最多可导入 10 MB。更大的文件请使用命令行导入。');
    expect(fileSizeProblem(0, en)).toBe('The file is empty.');
  });

  it('formats sizes', () => {
    expect(formatMegabytes(MAX_IMPORT_BYTES)).toBe('10 MB');
    expect(formatMegabytes(1.25 * 1048576)).toBe('1.3 MB');
    expect(formatFileSize(850)).toBe('850 B');
    expect(formatFileSize(12_595)).toBe('12.3 kB');
    expect(formatFileSize(4.51 * 1048576)).toBe('4.6 MB');
  });
});

describe('error report CSV', () => {
  const report: RowError[] = [
    { line: 3, column: 'name', code: 'TOO_LONG', params: ['51', '50'], reason: 'too long: 51 characters, at most 50' },
    { line: 5, column: 'branch_code', code: 'UNKNOWN_BRANCH', params: ['XX9'], reason: 'unknown branch "XX9"' },
    { line: 13, column: 'name', code: 'NAME_ALREADY_USED', params: ['北京城建'], reason: 'name already used by client 北京城建' },
    { line: 14, column: '*', code: 'WRONG_FIELD_COUNT', params: ['9', '10'], reason: 'the row has 9 fields, the header has 10' },
  ];

  it('is line,column,reason,code with a UTF-8 BOM, CRLF and RFC 4180 quoting; the reason in the UI language', () => {
    expect(errorReportCsv(report, en)).toBe(
      '\uFEFFline,column,reason,code\r\n' +
        '3,name,"too long: 51 characters, at most 50",TOO_LONG\r\n' +
        '5,branch_code,"unknown branch ""XX9""",UNKNOWN_BRANCH\r\n' +
        '13,name,name already used by client 北京城建,NAME_ALREADY_USED\r\n' +
        '14,*,"the row has 9 fields, the header has 10",WRONG_FIELD_COUNT\r\n',
    );
    expect(errorReportCsv(report, zh)).toBe(
      '\uFEFFline,column,reason,code\r\n' +
        '3,name,内容过长：51 个字符，最多 50 个,TOO_LONG\r\n' +
        '5,branch_code,未知分行“XX9”,UNKNOWN_BRANCH\r\n' +
        '13,name,名称已被客户 北京城建 使用,NAME_ALREADY_USED\r\n' +
        '14,*,该行有 9 个字段，表头有 10 个,WRONG_FIELD_COUNT\r\n',
    );
  });

  it('neutralizes text a spreadsheet would run as a formula; an unknown code keeps the API reason; an empty report is the header', () => {
    expect(
      errorReportCsv([{ line: 2, column: '=cmd', code: 'NEGATIVE_AMOUNT', params: ['-5'], reason: 'must not be negative: "-5"' }], en),
    ).toBe('\uFEFFline,column,reason,code\r\n2,\'=cmd,"must not be negative: ""-5""",NEGATIVE_AMOUNT\r\n');
    expect(errorReportCsv([{ line: 2, column: 'x', code: 'SOMETHING_NEW', params: [], reason: '-5 is negative' }], zh)).toBe(
      "\uFEFFline,column,reason,code\r\n2,x,'-5 is negative,SOMETHING_NEW\r\n",
    );
    expect(errorReportCsv([], en)).toBe('\uFEFFline,column,reason,code\r\n');
  });

  it('is named after the file', () => {
    expect(errorReportName('statements-2026-10.csv')).toBe('statements-2026-10-errors.csv');
    expect(errorReportName('客户.CSV')).toBe('客户-errors.csv');
    expect(errorReportName('export')).toBe('export-errors.csv');
  });
});

const outcome = (o: Partial<ImportOutcome>): ImportOutcome => ({
  committed: true,
  rowsIn: 0,
  accepted: 0,
  rejected: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  errorCount: 0,
  errors: [],
  ...o,
});

describe('outcome wording', () => {
  it('says plainly whether anything was written', () => {
    expect(outcomeHeadline(outcome({ committed: false, rowsIn: 4, accepted: 3, rejected: 1, errorCount: 2 }), en, 'en')).toEqual({
      tone: 'bad',
      text: 'Nothing was written: 1 row has problems',
    });
    expect(outcomeHeadline(outcome({ committed: false, rowsIn: 2000, accepted: 0, rejected: 2000 }), en, 'en').text).toBe(
      'Nothing was written: 2,000 rows have problems',
    );
    expect(outcomeHeadline(outcome({ committed: true, rowsIn: 4, accepted: 3, rejected: 1, inserted: 3 }), en, 'en')).toEqual({
      tone: 'warn',
      text: 'Partly imported: 3 valid rows written, 1 with problems not written',
    });
    expect(outcomeHeadline(outcome({ committed: true, rowsIn: 2, accepted: 2, inserted: 2 }), en, 'en')).toEqual({
      tone: 'good',
      text: 'Imported: 2 rows',
    });
    expect(outcomeHeadline(outcome({ committed: true, rowsIn: 1, accepted: 1, unchanged: 1 }), en, 'en').text).toBe('Imported: 1 row');
    expect(outcomeHeadline(outcome({ committed: false, rowsIn: 4, accepted: 1, rejected: 3 }), zh, 'zh-CN').text).toBe(
      '未写入任何数据：3 行有问题',
    );
  });

  it('says when only the first 500 problems are listed', () => {
    const first500 = Array.from({ length: 500 }, (_, i) => ({
      line: i + 2,
      column: 'balance',
      code: 'MISSING_VALUE',
      params: [],
      reason: 'missing value',
    }));
    expect(errorsCaption({ errorCount: 1234, errors: first500 }, en, 'en')).toBe('showing the first 500 of 1,234 problems');
    expect(errorsCaption({ errorCount: 1234, errors: first500 }, zh, 'zh-CN')).toBe('显示前 500 个，共 1,234 个问题');
    expect(errorsCaption({ errorCount: 500, errors: first500 }, en, 'en')).toBe('500 problems');
    expect(errorsCaption({ errorCount: 1, errors: first500.slice(0, 1) }, en, 'en')).toBe('1 problem');
  });
});

describe('time', () => {
  it('counts whole elapsed seconds', () => {
    expect(elapsedSeconds(1000, 1000)).toBe(0);
    expect(elapsedSeconds(1000, 2999)).toBe(1);
    expect(elapsedSeconds(1000, 63_000)).toBe(62);
    expect(elapsedSeconds(5000, 1000)).toBe(0);
  });

  it('formats a timestamp in the given time zone', () => {
    expect(formatTimestamp('2026-11-30T06:05:09.123Z', 'Asia/Shanghai')).toBe('2026-11-30 14:05:09');
    expect(formatTimestamp('2026-11-30T23:59:59Z', 'UTC')).toBe('2026-11-30 23:59:59');
    expect(formatTimestamp('not a date')).toBe('not a date');
  });
});

describe('readable API errors', () => {
  it('a file refused as a whole (BAD_USER_INPUT on input.content)', () => {
    const e = new CombinedGraphQLErrors({
      data: null,
      errors: [
        { message: 'input.content: line 1, column colour: unknown column', extensions: { code: 'BAD_USER_INPUT', field: 'input.content' } },
      ],
    });
    expect(importErrorMessage(e, en)).toBe(
      'The file was refused as a whole and nothing was written: line 1, column colour: unknown column',
    );
    expect(importErrorMessage(e, zh)).toBe('整个文件被拒绝，未写入任何数据：line 1, column colour: unknown column');
  });

  it('a file refused as a whole with its code (extensions.importCode, params, line, column): in the UI language', () => {
    const message = 'input.content: line 1, column colour: unknown column for a clients file (expected external_key, name)';
    const unknownColumn = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message,
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'input.content',
            importCode: 'UNKNOWN_COLUMN',
            params: ['clients', 'external_key, name'],
            line: 1,
            column: 'colour',
          },
        },
      ],
    });
    expect(importErrorMessage(unknownColumn, en)).toBe(
      `The file was refused as a whole and nothing was written: ${message.slice('input.content: '.length)}`,
    );
    expect(importErrorMessage(unknownColumn, zh)).toBe(
      '整个文件被拒绝，未写入任何数据：第 1 行，列 colour：无法识别的列（此类文件的列为：external_key, name）',
    );
    const notUtf8 = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: 'input.content: line 7: the file is not valid UTF-8 (save it as UTF-8, with or without BOM)',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.content', importCode: 'NOT_UTF8', params: [], line: 7, column: '' },
        },
      ],
    });
    expect(importErrorMessage(notUtf8, en)).toBe(
      'The file was refused as a whole and nothing was written: line 7: the file is not valid UTF-8 (save it as UTF-8, with or without BOM)',
    );
    expect(importErrorMessage(notUtf8, zh)).toBe(
      '整个文件被拒绝，未写入任何数据：第 7 行：文件不是有效的 UTF-8 编码（请另存为 UTF-8，带或不带 BOM 均可）',
    );
    // A code this build does not know: the API's English message.
    const newer = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: 'input.content: line 1: something new',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.content', importCode: 'NEW_CODE', params: [], line: 1, column: '' },
        },
      ],
    });
    expect(importErrorMessage(newer, zh)).toBe('整个文件被拒绝，未写入任何数据：line 1: something new');
  });

  it('another role, an ended session, other errors', () => {
    const gql = (code: string, message = 'x') => new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions: { code } }] });
    expect(importErrorMessage(gql('FORBIDDEN', 'Access denied'), en)).toBe('Only HQ planners can import files.');
    expect(importErrorMessage(gql('UNAUTHENTICATED'), en)).toBe('Your session has ended: sign in again.');
    expect(importErrorMessage(gql('INTERNAL_SERVER_ERROR', 'Internal server error'), en)).toBe('Internal server error');
  });

  it('a body over the HTTP limit (JSON error before Apollo Server) and other HTTP errors', () => {
    const body = JSON.stringify({
      errors: [{ message: 'request: the body is larger than the limit', extensions: { code: 'BAD_REQUEST' } }],
    });
    const tooLarge = new ServerError('Response not successful: Received status code 413', {
      response: new Response(body, { status: 413 }),
      bodyText: body,
    });
    expect(importErrorMessage(tooLarge, en)).toBe('The file is larger than the server accepts.');
    const html = new ServerError('Response not successful: Received status code 502', {
      response: new Response('<html>', { status: 502 }),
      bodyText: '<html>',
    });
    expect(importErrorMessage(html, en)).toBe('The server answered with HTTP status 502.');
  });

  it('no network', () => {
    expect(importErrorMessage(new TypeError('Failed to fetch'), en)).toBe('Could not reach the server: Failed to fetch');
  });
});

/** The values of ImportProblemCode, read from the generated GraphQL types (codegen of the committed SDL). */
function generatedProblemCodes(): string[] {
  const src = readFileSync(new URL('../../gql/graphql.ts', import.meta.url), 'utf8');
  // `export type ImportProblemCode =`, then one `| 'VALUE'` line per value (each after its doc comment), the last ending in `;`.
  const start = src.indexOf('export type ImportProblemCode =');
  expect(start, 'ImportProblemCode in src/gql/graphql.ts').toBeGreaterThanOrEqual(0);
  const codes: string[] = [];
  for (const line of src.slice(start).split('\n').slice(1)) {
    const m = /^\s*\| '([A-Z0-9_]+)'(;?)$/.exec(line);
    if (!m) continue;
    codes.push(m[1]!);
    if (m[2]) break;
  }
  return codes;
}

/** `{0}`, `{1}`, … of a template. */
const placeholders = (template: string) => [...template.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));

describe('import problems in the UI language', () => {
  const codes = generatedProblemCodes();

  it('has an English and a Chinese template for every ImportProblemCode, and none for codes that do not exist', () => {
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes) {
      const key = `import.problem.${code}` as MessageKey;
      expect(MESSAGES.en[key], `en ${code}`).toMatch(/\S/);
      expect(MESSAGES['zh-CN'][key], `zh ${code}`).toMatch(/[\u4e00-\u9fff]/);
    }
    const keys = Object.keys(MESSAGES.en).filter((k) => k.startsWith('import.problem.'));
    expect(keys.map((k) => k.slice('import.problem.'.length)).sort()).toEqual([...codes].sort());
  });

  it("English templates are the API's reason templates (committed SDL), so English reads as the API's reason; Chinese uses only those params", () => {
    const sdl = readFileSync(new URL('../../../../../packages/graphql-schema/schema.graphql', import.meta.url), 'utf8');
    const type = buildSchema(sdl).getType('ImportProblemCode');
    expect(isEnumType(type)).toBe(true);
    const values = isEnumType(type) ? type.getValues() : [];
    expect(values.map((v) => v.name).sort()).toEqual([...codes].sort());
    for (const v of values) {
      const template = /Reason: `(.*?)`\. Params:/.exec(v.description ?? '')?.[1];
      expect(template, `reason template of ${v.name} in the SDL`).toBeDefined();
      const key = problemKey(v.name as Parameters<typeof problemKey>[0]);
      expect(MESSAGES.en[key], v.name).toBe(template);
      const allowed = new Set(placeholders(template!));
      expect(
        placeholders(MESSAGES['zh-CN'][key]).every((i) => allowed.has(i)),
        `zh ${v.name} uses only the API's params`,
      ).toBe(true);
    }
  });

  it('fills the params in, in order, in the UI language', () => {
    const branch = { code: 'UNKNOWN_BRANCH', params: ['X9'], reason: 'unknown branch "X9"' };
    expect(problemText(branch, zh)).toBe('未知分行“X9”');
    expect(problemText(branch, en)).toBe(branch.reason);
    expect(problemText({ code: 'NEGATIVE_AMOUNT', params: ['-5'], reason: 'must not be negative: "-5"' }, zh)).toBe('金额不能为负数：“-5”');
    const moved = { code: 'MANAGER_NOT_IN_BRANCH', params: ['E000123', 'BJ'], reason: 'client manager E000123 does not work in branch BJ' };
    expect(problemText(moved, zh)).toBe('客户经理 E000123 不属于分行 BJ');
    expect(problemText(moved, en)).toBe(moved.reason);
    const dup = {
      code: 'DUPLICATE_STATEMENT',
      params: ['P1', '2026-06', '9, 10'],
      reason: 'duplicate statement (project, month) P1, 2026-06 also on line 9, 10',
    };
    expect(problemText(dup, zh)).toBe('报表重复（项目 P1，月份 2026-06），另见第 9, 10 行');
    expect(problemText(dup, en)).toBe(dup.reason);
    expect(problemText({ code: 'MISSING_VALUE', params: [], reason: 'missing value' }, zh)).toBe('缺少必填值');
    // A param goes in as it is (never read as a template itself).
    expect(problemText({ code: 'MANAGER_NOT_IN_BRANCH', params: ['{1}', '{0}'], reason: '' }, zh)).toBe('客户经理 {1} 不属于分行 {0}');
  });

  it("falls back to the API's reason for a code this build does not know", () => {
    expect(problemText({ code: 'SOMETHING_NEW', params: ['a'], reason: 'something new: "a"' }, zh)).toBe('something new: "a"');
    expect(problemText({ code: 'toString', params: [], reason: 'r' }, zh)).toBe('r');
  });
});
