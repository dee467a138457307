export {
  PeriodKpiAccumulator,
  agentPeriodKpis,
  type AgentPeriodRow,
  type PeriodKpiOptions,
  type PeriodKpis,
} from './agent-kpis.js';
export {
  EvaluationInputError,
  FULL_SCORE_BP,
  findTier,
  gridVersionFor,
  scoreEvaluation,
  type CriterionScore,
  type EvaluationScore,
  type SectionScore,
} from './grid.js';
export {
  adjustLine,
  computePay,
  formatCents,
  type PayExplanation,
  type PayExplanationOf,
  type PayLine,
  type PayParams,
  type PayRule,
  type PayRun,
} from './pay.js';
export { PAYROLL_COLUMNS, payrollRows, safeText } from './payroll-rows.js';
export {
  LockedError,
  assertEditable,
  editEvaluation,
  lock,
  revise,
  type EvaluationChanges,
  type Lockable,
} from './revision.js';
export { allocate, divRoundHalfUp } from './rounding.js';
