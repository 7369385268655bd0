import { describe, expect, it } from 'vitest';
import { freshnessView, type Freshness } from './freshness';

const fresh: Freshness = {
  maintainedAt: '2026-11-29T19:25:07.000Z',
  refreshedAt: '2026-11-29T18:00:00.000Z',
  stale: false,
  pendingChanges: 0,
  readFrom: 'PRIMARY',
  replicaLagMs: null,
  readFromPrimaryBecause: null,
};
// 03:25 on 30 Nov in Shanghai (UTC+8).
const opts = { now: new Date('2026-11-29T20:00:00.000Z'), timeZone: 'Asia/Shanghai' };

describe('freshnessView', () => {
  it('up to date: local time of the last maintenance, full timestamp and source in the tooltip', () => {
    expect(freshnessView(fresh, 'en', opts)).toEqual({
      tone: 'ok',
      text: 'Figures up to date · updated 03:25',
      title: 'Pre-aggregated figures last brought up to date: 2026-11-30 03:25:07 GMT+8\nRead from: primary database',
    });
    expect(freshnessView(fresh, 'zh-CN', opts).text).toBe('数据已是最新 · 更新于 03:25');
    expect(freshnessView(fresh, 'en', { ...opts, timeZone: 'UTC' }).text).toBe('Figures up to date · updated 19:25');
  });

  it('names the date when the last update was not today', () => {
    expect(freshnessView(fresh, 'en', { now: new Date('2026-12-01T08:00:00.000Z'), timeZone: 'Asia/Shanghai' }).text).toBe(
      'Figures up to date · updated 2026-11-30 03:25',
    );
  });

  it('falls back to the last rebuild, then to no time at all', () => {
    expect(freshnessView({ ...fresh, maintainedAt: null }, 'en', opts).text).toBe('Figures up to date · updated 02:00');
    const never = freshnessView({ ...fresh, maintainedAt: null, refreshedAt: null }, 'en', opts);
    expect(never.text).toBe('Figures up to date');
    expect(never.title).toBe('Pre-aggregated figures not built yet\nRead from: primary database');
  });

  it('stale: a warning with the number of pending changes, 1,000+ at the cap', () => {
    const stale = freshnessView({ ...fresh, stale: true, pendingChanges: 37 }, 'en', opts);
    expect(stale.tone).toBe('stale');
    expect(stale.text).toBe('Catching up: 37 changes pending — figures computed from the base tables');
    expect(stale.title.split('\n')[0]).toMatch(/^Changes are queued/);
    expect(stale.title).toContain('last brought up to date: 2026-11-30 03:25:07 GMT+8');
    expect(freshnessView({ ...fresh, stale: true, pendingChanges: 1 }, 'en', opts).text).toBe(
      'Catching up: 1 change pending — figures computed from the base tables',
    );
    expect(freshnessView({ ...fresh, stale: true, pendingChanges: 1000 }, 'en', opts).text).toBe(
      'Catching up: 1,000+ changes pending — figures computed from the base tables',
    );
    expect(freshnessView({ ...fresh, stale: true, pendingChanges: 1000 }, 'zh-CN', opts).text).toBe(
      '正在追平：1,000+ 项变更待处理——数据由基础表直接计算',
    );
  });

  it('stale, and some figures answered without the pending changes: says so, with the months', () => {
    const behind = { pendingChanges: 1, pendingMonths: ['2026-11'] };
    const one = freshnessView({ ...fresh, stale: true, pendingChanges: 1 }, 'en', { ...opts, behind });
    expect(one.tone).toBe('stale');
    expect(one.text).toBe('Catching up: 1 change pending — figures shown do not include it yet (2026-11)');
    expect(one.title.split('\n')[0]).toMatch(/^Changes are queued for the pre-aggregated KPI figures, and computing this page/);
    expect(freshnessView({ ...fresh, stale: true, pendingChanges: 3 }, 'zh-CN', { ...opts, behind: { pendingChanges: 3, pendingMonths: ['2026-10', '2026-11'] } }).text).toBe(
      '正在追平：3 项变更待处理——当前显示的数据暂未包含这些变更（涉及 2026-10, 2026-11）',
    );
    // Every month (null) or none named: no month list.
    expect(freshnessView({ ...fresh, stale: true, pendingChanges: 2 }, 'en', { ...opts, behind: { pendingChanges: 2, pendingMonths: null } }).text).toBe(
      'Catching up: 2 changes pending — figures shown do not include them yet',
    );
    // Caught up: the note no longer applies.
    expect(freshnessView(fresh, 'en', { ...opts, behind }).text).toBe('Figures up to date · updated 03:25');
  });

  it('a read replica one second or more behind is named in the line', () => {
    const replica = { ...fresh, readFrom: 'REPLICA' as const };
    expect(freshnessView({ ...replica, replicaLagMs: 0 }, 'en', opts)).toMatchObject({
      text: 'Figures up to date · updated 03:25',
      title: expect.stringMatching(/\nRead from: read replica, 0 s behind$/),
    });
    expect(freshnessView({ ...replica, replicaLagMs: 999 }, 'en', opts).text).toBe('Figures up to date · updated 03:25');
    expect(freshnessView({ ...replica, replicaLagMs: 2500 }, 'en', opts).text).toBe(
      'Figures up to date · updated 03:25 · read replica, 2.5 s behind',
    );
    expect(freshnessView({ ...replica, replicaLagMs: 12_345, stale: true, pendingChanges: 3 }, 'en', opts).text).toBe(
      'Catching up: 3 changes pending — figures computed from the base tables · read replica, 12 s behind',
    );
    expect(freshnessView({ ...replica, replicaLagMs: 1000 }, 'zh-CN', opts).text).toBe('数据已是最新 · 更新于 03:25 · 只读副本，落后 1 秒');
    expect(freshnessView({ ...replica, replicaLagMs: null }, 'en', opts).title).toMatch(/\nRead from: read replica$/);
    // A lag reported with a primary read is not the lag of what was read.
    expect(freshnessView({ ...fresh, replicaLagMs: 8000 }, 'en', opts).text).toBe('Figures up to date · updated 03:25');
  });

  it('says why the primary answered when a replica is configured', () => {
    expect(freshnessView({ ...fresh, readFromPrimaryBecause: 'LAG' }, 'en', opts).title).toMatch(
      /\nRead from: primary database \(the read replica is too far behind\)$/,
    );
    expect(freshnessView({ ...fresh, readFromPrimaryBecause: 'OWN_WRITE' }, 'zh-CN', opts).title).toMatch(
      /\n数据来源：主库 \(您最近的修改尚未同步到只读副本\)$/,
    );
    expect(freshnessView({ ...fresh, readFromPrimaryBecause: 'SOMETHING_NEW' }, 'en', opts).title).toMatch(/\(SOMETHING_NEW\)$/);
  });
});
