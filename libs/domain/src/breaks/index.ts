export {
  adviseBreak,
  type BreakAdvice,
  type BreakAdviceInput,
  type BreakQueueInput,
  type BreakReason,
  type BreakReasonCode,
  type QueueBreakFigures,
} from './advise.js';
export {
  agentBreakStatus,
  applyAgentBreakEvent,
  emptyAgentBreakState,
  entitlement,
  workedFromLive,
  workedSinceLastBreak,
  type AgentBreakState,
  type AgentBreakStatus,
  type Entitlement,
} from './entitlement.js';
export {
  LoadEstimator,
  type LoadEstimatorOptions,
  type LoadHistory,
  type LoadSample,
  type QueueLoad,
} from './load-estimator.js';
export {
  DEFAULT_BREAK_POLICY,
  maxBreaksForQueue,
  maxBreaksForTeam,
  minReadyAgentsFor,
  reasonPolicy,
} from './policy.js';
export { rankRequests, workedSinceLastBreakAt, type BreakRequest } from './rank.js';
export { effectiveAgents, effectiveAgentsByQueue, type StaffedAgent } from './shared-agents.js';
