/** The demo bank every integration test sees: fixed seed and "today", so figures are stable. */
export const DEMO_SEED = 20261129;
export const DEMO_AS_OF = '2026-11-29';
/** Last month with statements in the demo bank. */
export const DEMO_END_MONTH = '2026-10';
export const EMPTY_TEMPLATE = 'loandesk_tpl_empty';
export const DEMO_TEMPLATE = 'loandesk_tpl_demo';
