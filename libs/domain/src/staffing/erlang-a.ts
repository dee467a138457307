import { blockingProbability } from './erlang-b.js';
import { logIntegralOfConcave } from './log-concave-integral.js';
import { ok, validatedLoad, type StaffingResult } from './staffing-input.js';

export interface ErlangAInput {
  readonly callsPerHour: number;
  readonly ahtSec: number;
  readonly agents: number;
  readonly targetSec: number;
  /** Mean time a caller is willing to wait (exponential patience, θ = 1 / patienceSec). */
  readonly patienceSec: number;
}

export interface ErlangAResult {
  /** P(all agents busy on arrival): the probability of having to wait. */
  readonly probWait: number;
  /** The fraction of all calls that hang up before being answered. */
  readonly probAbandon: number;
  /** The fraction of ALL calls (abandoned ones included) answered within `targetSec`. */
  readonly serviceLevel: number;
  /** Mean time in queue over all calls (answered at once, answered later or abandoned): E[queue] / λ. */
  readonly asaSec: number;
  /** Busy agents / agents = A·(1 − P(abandon)) / N. */
  readonly occupancy: number;
}

/**
 * Erlang A (M/M/N+M, Palm's queue with exponential patience), exact: the birth–death chain with death rate
 * min(n, N)·μ + max(n − N, 0)·θ, whose queue part sums in closed form (Garnett, Mandelbaum & Reiman 2002; the
 * incomplete-gamma integrals of Mandelbaum & Zeltyn). With a = Nμ and G(v) = (λ/θ)(1 − e^(−θv)), relative to π_N:
 *
 *   Σ_{n<N} π_n/π_N = 1/B(N, A) − 1                              (Erlang B)
 *   Σ_{n≥N} π_n/π_N = ∫_0^∞ a·e^(−av + G(v)) dv                     (waiting)
 *   abandoning                       = ∫_0^∞ a·(1 − e^(−θv))·e^(−av + G(v)) dv
 *   answered from the queue within t = ∫_0^t a·e^(−θv)·e^(−av + G(v)) dv   (t = ∞: ever, for occupancy)
 *
 * where v is the wait an infinitely patient caller would have. The integrands are log-concave; each is integrated
 * in log space relative to its own peak, so that no factor overflows and A ≥ N works (abandonment keeps the queue
 * finite). As patience → ∞ the results tend to Erlang C. See docs/staffing.md for the derivation.
 */
export function erlangA(input: ErlangAInput): StaffingResult<ErlangAResult> {
  const load = validatedLoad(input, ['callsPerHour', 'ahtSec', 'agents', 'targetSec', 'patienceSec']);
  if (!load.ok) {
    return load;
  }
  const offeredLoad = load.value;
  const { agents, targetSec, patienceSec } = input;
  const chain: Chain = { arrivalRate: input.callsPerHour / 3600, theta: 1 / patienceSec, a: agents / input.ahtSec };
  const theta = chain.theta;

  const waiting = logIntegral(chain, 0, Infinity);
  const abandoning = logIntegral(chain, 0, Infinity, (v) => Math.log(-Math.expm1(-theta * v)));
  const answered = logIntegral(chain, theta, Infinity);
  const answeredInTime = logIntegral(chain, theta, targetSec);

  // log of Σ_{n≥N} π_n / π_N and of Σ_{n<N} π_n / π_N; the first is log(a) + ψ(v*) + `waiting`.
  const logWaiting = Math.log(chain.a) + logPeakValue(chain) + waiting;
  const blocking = blockingProbability(agents, offeredLoad);
  const logNotWaiting = blocking > 0 ? Math.log1p(-blocking) - Math.log(blocking) : Infinity;
  const probWait = 1 / (1 + Math.exp(logNotWaiting - logWaiting));
  const probNoWait = 1 / (1 + Math.exp(logWaiting - logNotWaiting));
  const probAbandon = probWait * Math.exp(abandoning - waiting);
  const probAnswered = probNoWait + probWait * Math.exp(answered - waiting);
  return ok({
    probWait,
    probAbandon,
    serviceLevel: probNoWait + probWait * Math.exp(answeredInTime - waiting),
    asaSec: probAbandon * patienceSec,
    // Exact value ≤ 1; when A ≫ N rounding could leave it a hair above.
    occupancy: Math.min(1, (offeredLoad * probAnswered) / agents),
  });
}

/** Rates per second: arrivals λ, abandonment θ per waiting caller, service a = Nμ when all agents are busy. */
interface Chain {
  readonly arrivalRate: number;
  readonly theta: number;
  readonly a: number;
}

/** Where −(a + c)·v + G(v) peaks on [0, ∞): ln(λ / (a + c)) / θ when λ > a + c, else 0. */
function peakOf({ arrivalRate, theta }: Chain, rate: number): number {
  return arrivalRate > rate ? Math.log1p((arrivalRate - rate) / rate) / theta : 0;
}

/** ψ(v*) − ψ(0) for ψ(v) = −a·v + G(v) and its peak v*: (a/θ)(r − 1 − ln r) with r = λ/a when λ > a, else 0. */
function logPeakValue({ arrivalRate, theta, a }: Chain): number {
  const excess = (arrivalRate - a) / a;
  return excess > 0 ? (a / theta) * (excess - Math.log1p(excess)) : 0;
}

/**
 * log ∫_0^hi e^(−c·v) · e^(extra(v)) · e^(ψ(v) − ψ(v*)) dv with ψ(v) = −a·v + G(v). Each integrand is written
 * relative to its own peak v₀ on [0, hi] (so the quadrature sees values near 0 however large ψ is), and the offset
 * −c·v₀ + ψ(v₀) − ψ(v*) is added back: ratios of these logs keep full precision even when A ≫ N or patience is long.
 */
function logIntegral(chain: Chain, c: number, hi: number, extra: (v: number) => number = () => 0): number {
  const { arrivalRate, theta, a } = chain;
  const peak = peakOf(chain, a);
  const base = Math.min(peakOf(chain, a + c), hi);
  // −rate·d + G(from + d) − G(from) = −(rate − G′(from))·d − (G′(from)/θ)·(e^(−θd) − 1 + θd), which does not
  // cancel near the peak where rate ≈ G′(from).
  const relativeTo = (from: number, rate: number) => {
    const slope = arrivalRate * Math.exp(-theta * from);
    return (v: number): number => -(rate - slope) * (v - from) - (slope / theta) * expm1MinusX(-theta * (v - from));
  };
  const integrand = relativeTo(base, a + c);
  const offset = -c * base + relativeTo(peak, a)(base);
  // The integrands vary on the scales of 1/θ (patience), 1/(a + c) and 1/λ: start panels at the finest.
  const scale = 1 / (theta + a + c + arrivalRate);
  return offset + logIntegralOfConcave((v) => integrand(v) + extra(v), 0, hi, { guess: base, scale });
}

/** e^x − 1 − x, by its Taylor series near 0 where expm1(x) − x would cancel. */
function expm1MinusX(x: number): number {
  if (Math.abs(x) >= 0.5) {
    return Math.expm1(x) - x;
  }
  let term = (x * x) / 2;
  let sum = term;
  for (let k = 3; Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
    term *= x / k;
    sum += term;
  }
  return sum;
}
