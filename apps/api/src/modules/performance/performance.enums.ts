import { registerEnumType } from 'type-graphql';
import { LABELS, WORKLOAD_FLAGS } from '@loan-desk/domain';

/** Workload norm deviation bands (domain.md §6): overloaded above 1.5, underloaded below 0.5. */
export const WorkloadFlagEnum = Object.fromEntries(WORKLOAD_FLAGS.map((v) => [v.toUpperCase(), v])) as Record<string, (typeof WORKLOAD_FLAGS)[number]>;

export const SCORE_SUBJECTS = ['client_manager', 'branch'] as const;
export type ScoreSubject = (typeof SCORE_SUBJECTS)[number];
export const ScoreSubjectEnum = { CLIENT_MANAGER: 'client_manager', BRANCH: 'branch' } as const;

/** The components each subject's weights must name, in display order (DB labels in `score_weight.component`). */
export const SUBJECT_COMPONENTS: Record<ScoreSubject, readonly string[]> = {
  client_manager: ['asset_quality', 'recovery', 'reporting', 'contact', 'workload'],
  branch: ['npl', 'recovery', 'attainment'],
};

/** Components of the client-manager composite score; values are the `score_weight.component` labels. */
export const ClientManagerScoreComponentEnum = {
  ASSET_QUALITY: 'asset_quality',
  RECOVERY: 'recovery',
  REPORTING: 'reporting',
  CLIENT_CONTACT: 'contact',
  WORKLOAD: 'workload',
} as const;
export type ClientManagerScoreComponent = (typeof ClientManagerScoreComponentEnum)[keyof typeof ClientManagerScoreComponentEnum];

registerEnumType(WorkloadFlagEnum, {
  name: 'WorkloadFlag',
  description: 'Workload norm deviation band (工作量): workload ÷ norm above 1.5 is overloaded, below 0.5 underloaded, otherwise normal (both bounds are normal).',
  valuesConfig: Object.fromEntries(WORKLOAD_FLAGS.map((v) => [v.toUpperCase(), { description: `${LABELS.workloadFlag[v].en} (${LABELS.workloadFlag[v].zh})` }])),
});

registerEnumType(ScoreSubjectEnum, {
  name: 'ScoreSubject',
  description: 'What a composite performance score (绩效得分) ranks.',
  valuesConfig: {
    CLIENT_MANAGER: { description: 'Client managers (客户经理); components asset_quality, recovery, reporting, contact, workload.' },
    BRANCH: { description: 'Branches (分行) in branch scorecards; components npl, recovery, attainment.' },
  },
});

registerEnumType(ClientManagerScoreComponentEnum, {
  name: 'ClientManagerScoreComponent',
  description: 'A component of the client-manager composite performance score (domain.md §6).',
  valuesConfig: {
    ASSET_QUALITY: { description: 'Asset quality: 100 × (1 − min(NPL ratio (不良贷款率) at m ÷ 0.20, 1)). Weight component `asset_quality`.' },
    RECOVERY: { description: 'Recovery: 100 × min(recovery rate (本息回收率) year-to-date through m, 1). Weight component `recovery`.' },
    REPORTING: { description: 'Reporting: 100 × report timeliness year-to-date through m. Weight component `reporting`.' },
    CLIENT_CONTACT: { description: 'Client contact: 100 × contact coverage at m (90 days ending on the last day of m). Weight component `contact`.' },
    WORKLOAD: { description: 'Workload: 100 × min(workload ÷ norm, 1). Weight component `workload`.' },
  },
});
