/**
 * Inputs, limits and the result type shared by the staffing calculators.
 *
 * The calculators never throw on bad input: they return a `StaffingResult`, either `{ ok: true, value }` or
 * `{ ok: false, error }` where the error names the offending parameter, so an API can answer 400 with it and the
 * break advisor can treat an overloaded queue ("no steady state") as an ordinary outcome.
 */

/** A calculator parameter, as named in errors (and in the REST query strings). */
export type StaffingParameter =
  'callsPerHour' | 'ahtSec' | 'agents' | 'offeredLoad' | 'targetSec' | 'serviceLevel' | 'patienceSec';

export interface StaffingInputError {
  /** `invalid`: out of range or not a finite number; `unstable`: offered load ≥ agents without abandonment. */
  readonly code: 'invalid' | 'unstable';
  readonly parameter: StaffingParameter;
  readonly message: string;
  /** The bound that was broken, when it is a useful number (the agent cap, or the fewest agents that are stable). */
  readonly limit?: number;
}

export type StaffingResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StaffingInputError };

/** Generous caps so that one request stays a few milliseconds of work. */
export const STAFFING_LIMITS = {
  /** Erlang B is a loop over the agents, and `agentsFor` searches up to this many. */
  maxAgents: 100_000,
  /** Offered load in erlangs (callsPerHour × ahtSec / 3600). */
  maxOfferedLoad: 100_000,
} as const;

interface Rule {
  readonly accepts: (value: number) => boolean;
  readonly expected: string;
  /** The cap, reported as the error's `limit` when the value is above it. */
  readonly limit?: number;
}

const nonNegative: Rule = { accepts: (value) => value >= 0, expected: 'a finite number ≥ 0' };
const positive: Rule = { accepts: (value) => value > 0, expected: 'a finite number > 0' };

const rules: Readonly<Record<StaffingParameter, Rule>> = {
  callsPerHour: nonNegative,
  ahtSec: positive,
  agents: {
    accepts: (value) => Number.isInteger(value) && value >= 1 && value <= STAFFING_LIMITS.maxAgents,
    expected: `an integer from 1 to ${STAFFING_LIMITS.maxAgents}`,
    limit: STAFFING_LIMITS.maxAgents,
  },
  offeredLoad: {
    accepts: (value) => value >= 0 && value <= STAFFING_LIMITS.maxOfferedLoad,
    expected: `a number of erlangs from 0 to ${STAFFING_LIMITS.maxOfferedLoad}`,
    limit: STAFFING_LIMITS.maxOfferedLoad,
  },
  targetSec: nonNegative,
  serviceLevel: { accepts: (value) => value >= 0 && value < 1, expected: 'a fraction ≥ 0 and < 1 (0.8 for 80 %)' },
  patienceSec: positive,
};

export function ok<T>(value: T): StaffingResult<T> {
  return { ok: true, value };
}

export function fail<T>(error: StaffingInputError): StaffingResult<T> {
  return { ok: false, error };
}

/** The first parameter, in the given order, that is not a finite number in its range. */
export function checkParameters(
  input: Readonly<Partial<Record<StaffingParameter, number>>>,
  parameters: readonly StaffingParameter[],
): StaffingInputError | undefined {
  for (const parameter of parameters) {
    const value = input[parameter];
    const rule = rules[parameter];
    if (typeof value !== 'number' || !Number.isFinite(value) || !rule.accepts(value)) {
      const message = `${parameter} must be ${rule.expected}, got ${String(value)}`;
      const above = rule.limit !== undefined && typeof value === 'number' && value > rule.limit;
      return { code: 'invalid', parameter, message, ...(above ? { limit: rule.limit } : {}) };
    }
  }
  return undefined;
}

/**
 * Offered load A = λ·AHT in erlangs, or an error naming `callsPerHour` when it is above the cap. Call only after
 * `checkParameters` accepted both inputs.
 */
export function toOfferedLoad(callsPerHour: number, ahtSec: number): StaffingResult<number> {
  const offeredLoad = (callsPerHour * ahtSec) / 3600;
  if (offeredLoad > STAFFING_LIMITS.maxOfferedLoad) {
    return fail({
      code: 'invalid',
      parameter: 'callsPerHour',
      message:
        `callsPerHour × ahtSec / 3600 = ${offeredLoad} erlangs of offered load ` +
        `is above the limit of ${STAFFING_LIMITS.maxOfferedLoad}`,
      limit: STAFFING_LIMITS.maxOfferedLoad,
    });
  }
  return ok(offeredLoad);
}

/** Checks the named parameters, then derives the offered load: the common start of every calculator. */
export function validatedLoad(
  input: Readonly<Partial<Record<StaffingParameter, number>>> & { callsPerHour: number; ahtSec: number },
  parameters: readonly StaffingParameter[],
): StaffingResult<number> {
  const invalid = checkParameters(input, parameters);
  return invalid ? fail(invalid) : toOfferedLoad(input.callsPerHour, input.ahtSec);
}
