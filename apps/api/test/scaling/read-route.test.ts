import { describe, expect, it } from 'vitest';
import { DriverException } from '@mikro-orm/core';
import { chooseRead, isDatabaseFailure, lsn } from '../../src/db/read-replica.js';
import { AppError, notFound } from '../../src/common/errors.js';

/** db/read-replica.ts `chooseRead`: where a read goes, from the WAL positions read per request. */
describe('chooseRead', () => {
  const at = (primaryLsn: string, writeLsn: string | null = null) => ({ primaryLsn, writeLsn });

  it('compares WAL positions as 64-bit numbers, not as text', () => {
    expect(lsn('0/FF') < lsn('0/100')).toBe(true);
    expect(lsn('1/0') > lsn('0/FFFFFFFF')).toBe(true);
    expect(lsn('16/B374D848')).toBe(0x16b374d848n);
  });

  it('reads the replica when it has replayed what the primary has written', () => {
    expect(chooseRead(at('0/3000100'), { replayLsn: '0/3000100', replayAgeMs: '86400000' }, 5000)).toEqual({ replica: true, lagMs: 0 });
  });

  it('reads a replica that is behind, by less than the limit; its lag is the age of the last transaction it replayed', () => {
    expect(chooseRead(at('0/3000200'), { replayLsn: '0/3000100', replayAgeMs: '1200' }, 5000)).toEqual({ replica: true, lagMs: 1200 });
  });

  it('goes to the primary when the replica lags more than the limit, or nothing was replayed yet', () => {
    expect(chooseRead(at('0/3000200'), { replayLsn: '0/3000100', replayAgeMs: 5001 }, 5000)).toEqual({ replica: false, reason: 'lag', lagMs: 5001 });
    expect(chooseRead(at('0/3000200'), { replayLsn: '0/3000100', replayAgeMs: null }, 5000)).toEqual({ replica: false, reason: 'lag', lagMs: null });
  });

  it('goes to the primary until the replica has replayed the session\'s own last write, however small the lag', () => {
    expect(chooseRead(at('0/3000200', '0/3000180'), { replayLsn: '0/3000100', replayAgeMs: '3' }, 5000)).toEqual({ replica: false, reason: 'own-write', lagMs: 3 });
    expect(chooseRead(at('0/3000200', '0/3000100'), { replayLsn: '0/3000100', replayAgeMs: '3' }, 5000)).toEqual({ replica: true, lagMs: 3 });
  });

  it('goes to the primary when the replica did not answer or is not replaying (e.g. promoted)', () => {
    expect(chooseRead(at('0/1'), null, 5000)).toEqual({ replica: false, reason: 'unavailable', lagMs: null });
    expect(chooseRead(at('0/1'), { replayLsn: null, replayAgeMs: null }, 5000)).toEqual({ replica: false, reason: 'not-standby', lagMs: null });
  });
});

/** db/read-replica.ts `isDatabaseFailure`: which errors of a replica read make it run again on the primary. */
describe('isDatabaseFailure', () => {
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

  it('is true for errors of the database or its connection', () => {
    expect(isDatabaseFailure(new DriverException(pgError('40001', 'SELECT 1 - canceling statement due to conflict with recovery')))).toBe(true);
    expect(isDatabaseFailure(pgError('40P01', 'canceling statement due to conflict with recovery'))).toBe(true);
    expect(isDatabaseFailure(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseFailure(pgError('53300', 'sorry, too many clients already'))).toBe(true);
    expect(isDatabaseFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseFailure(new Error('read failed', { cause: pgError('08006', 'connection failure') }))).toBe(true);
  });

  it('is false for answers the API chose to give, and for bugs of the API itself', () => {
    expect(isDatabaseFailure(notFound('Branch', 9))).toBe(false);
    expect(isDatabaseFailure(new AppError('FORBIDDEN', 'no'))).toBe(false);
    expect(isDatabaseFailure(new TypeError('x is undefined'))).toBe(false);
    // The primary would fail the same way: a statement timeout, a query error.
    expect(isDatabaseFailure(new DriverException(pgError('57014', 'SELECT 1 - canceling statement due to statement timeout')))).toBe(false);
    expect(isDatabaseFailure(pgError('42P01', 'relation "x" does not exist'))).toBe(false);
    expect(isDatabaseFailure(undefined)).toBe(false);
  });
});
