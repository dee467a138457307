export { erlangA, type ErlangAInput, type ErlangAResult } from './erlang-a.js';
export { erlangB } from './erlang-b.js';
export {
  agentsFor,
  erlangC,
  type AgentsForInput,
  type AgentsForResult,
  type ErlangCInput,
  type ErlangCResult,
} from './erlang-c.js';
export {
  STAFFING_LIMITS,
  type StaffingInputError,
  type StaffingParameter,
  type StaffingResult,
} from './staffing-input.js';
