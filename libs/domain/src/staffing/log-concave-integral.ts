/**
 * log ∫ exp(ψ(v)) dv for a concave ψ, in log space so that integrands of size e^±100000 neither overflow nor vanish.
 *
 * A concave ψ is unimodal: bracket its peak, find where it falls CUTOFF below the peak on each side (beyond that the
 * integrand is < e^−60 of its maximum and a small multiple of the peak width, so negligible), and integrate
 * exp(ψ − peak value) over what is left by globally adaptive Gauss–Kronrod (7/15 points, as QUADPACK's QAG), which
 * copes with integrands varying on two scales (a patience of one second against a handling time of minutes).
 */

const CUTOFF = 60;
const SEARCH_STEPS = 80;
const RELATIVE_TOLERANCE = 1e-12;
const MAX_SPLITS = 200;
/** Enough doublings to go from the smallest double to the largest. */
const MAX_DOUBLINGS = 2100;

/** Where to start looking: a point near the peak (where ψ is computed accurately) and the finest scale of ψ. */
export interface ConcaveHints {
  readonly guess: number;
  readonly scale: number;
}

interface Sample {
  readonly x: number;
  readonly value: number;
}

/**
 * log ∫_lo^hi exp(ψ(v)) dv, for ψ concave on [lo, hi] (−∞ allowed at the ends); `hi` may be +∞ when the integral
 * converges. The peak is bracketed by steps of scale·2^k out of `guess` on both sides, so that far-off values,
 * which may carry large rounding errors, are never compared with each other. The first panels grow geometrically
 * away from `lo` and from the peak, so that adaptive refinement cannot miss a narrow feature inside a wide panel.
 */
export function logIntegralOfConcave(
  psi: (v: number) => number,
  lo: number,
  hi: number,
  { guess, scale }: ConcaveHints,
): number {
  if (!(hi > lo)) {
    return -Infinity;
  }
  const origin = { x: guess, value: psi(guess) };
  const samples = [...sweep(psi, origin, -scale, lo).reverse(), origin, ...sweep(psi, origin, scale, hi)];
  const best = samples.reduce(
    (found, sample, i) => (sample.value > (samples[found]?.value ?? -Infinity) ? i : found),
    0,
  );
  const around = (i: number): number => (samples[i] ?? samples[best] ?? origin).x;
  const peak = goldenSectionMax(psi, around(best - 1), around(best + 1));
  const top = psi(peak);
  if (top === -Infinity) {
    return -Infinity;
  }
  const first = samples[0] ?? origin;
  const last = samples[samples.length - 1] ?? origin;
  const floor = top - CUTOFF;
  const start = first.value >= floor ? first.x : crossing(psi, first.x, peak, floor);
  const end = last.value >= floor ? last.x : crossing(psi, last.x, peak, floor);
  // Narrow features sit at `lo` (scale given); around the peak ψ varies on the scale of its distance to the cutoffs.
  const peakScale = Math.max(scale, Math.min(...[peak - start, end - peak].filter((side) => side > 0)) / 1024);
  const breaks = [start, peak, end, ...graded(lo, scale, start, end), ...graded(peak, peakScale, start, end)];
  const sorted = [...new Set(breaks)].sort((x, y) => x - y);
  return top + Math.log(adaptiveIntegral((v) => Math.exp(psi(v) - top), sorted));
}

/** Samples at origin + firstStep·2^k, up to `bound`, until one falls CUTOFF below the best seen. */
function sweep(psi: (v: number) => number, origin: Sample, firstStep: number, bound: number): Sample[] {
  const samples: Sample[] = [];
  let best = origin.value;
  for (let k = 0, step = firstStep; k < MAX_DOUBLINGS; k++, step *= 2) {
    const x = firstStep > 0 ? Math.min(origin.x + step, bound) : Math.max(origin.x + step, bound);
    const value = psi(x);
    samples.push({ x, value });
    best = Math.max(best, value);
    if (x === bound || value < best - CUTOFF) {
      break;
    }
  }
  return samples;
}

/** centre ± scale·2^k for k = 0, 1, …, the points strictly inside (start, end). */
function graded(centre: number, scale: number, start: number, end: number): number[] {
  const points: number[] = [];
  for (let k = 0, step = scale; k < MAX_DOUBLINGS && (centre - step > start || centre + step < end); k++, step *= 2) {
    points.push(centre - step, centre + step);
  }
  return points.filter((point) => point > start && point < end);
}

function goldenSectionMax(psi: (v: number) => number, left: number, right: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = left;
  let b = right;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let psiC = psi(c);
  let psiD = psi(d);
  for (let i = 0; i < SEARCH_STEPS; i++) {
    if (psiC >= psiD) {
      b = d;
      d = c;
      psiD = psiC;
      c = b - ratio * (b - a);
      psiC = psi(c);
    } else {
      a = c;
      c = d;
      psiC = psiD;
      d = a + ratio * (b - a);
      psiD = psi(d);
    }
  }
  return psiC >= psiD ? c : d;
}

/** The point between `outside` (ψ below `level`) and `inside` (ψ above) where ψ crosses `level`. */
function crossing(psi: (v: number) => number, outside: number, inside: number, level: number): number {
  let low = outside;
  let high = inside;
  for (let i = 0; i < SEARCH_STEPS; i++) {
    const middle = (low + high) / 2;
    if (psi(middle) < level) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return low;
}

/** Gauss–Kronrod 15-point abscissae on [0, 1] (the 7-point Gauss ones are those of odd index) and weights. */
const KRONROD_NODES = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911,
  0.4058451513773972, 0.20778495500789848,
] as const;
const KRONROD_WEIGHTS = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679,
  0.19035057806478542, 0.20443294007529889,
] as const;
const KRONROD_CENTRE_WEIGHT = 0.20948214108472782;
const GAUSS_WEIGHTS = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189] as const;
const GAUSS_CENTRE_WEIGHT = 0.4179591836734694;

interface Panel {
  readonly from: number;
  readonly to: number;
  readonly value: number;
  readonly error: number;
}

function kronrod(f: (v: number) => number, from: number, to: number): Panel {
  const half = (to - from) / 2;
  const centre = from + half;
  const fCentre = f(centre);
  let kronrodSum = KRONROD_CENTRE_WEIGHT * fCentre;
  let gaussSum = GAUSS_CENTRE_WEIGHT * fCentre;
  KRONROD_NODES.forEach((node, i) => {
    const pair = f(centre - half * node) + f(centre + half * node);
    kronrodSum += (KRONROD_WEIGHTS[i] ?? 0) * pair;
    gaussSum += i % 2 === 1 ? (GAUSS_WEIGHTS[(i - 1) / 2] ?? 0) * pair : 0;
  });
  return { from, to, value: kronrodSum * half, error: Math.abs(kronrodSum - gaussSum) * half };
}

/** ∫ f over the consecutive intervals between `breaks`, splitting the panel of largest error until all is precise. */
function adaptiveIntegral(f: (v: number) => number, breaks: readonly number[]): number {
  const panels = breaks.slice(1).map((to, i) => kronrod(f, breaks[i] ?? to, to));
  for (let split = 0; split < MAX_SPLITS; split++) {
    const value = panels.reduce((sum, panel) => sum + panel.value, 0);
    const error = panels.reduce((sum, panel) => sum + panel.error, 0);
    const worst = panels.reduce((found, panel, i) => (panel.error > (panels[found]?.error ?? 0) ? i : found), 0);
    const panel = panels[worst];
    if (error <= RELATIVE_TOLERANCE * value || panel === undefined) {
      return value;
    }
    const middle = (panel.from + panel.to) / 2;
    panels.splice(worst, 1, kronrod(f, panel.from, middle), kronrod(f, middle, panel.to));
  }
  return panels.reduce((sum, panel) => sum + panel.value, 0);
}
