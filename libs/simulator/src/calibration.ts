/**
 * Constants derived from the real "Anonymous Bank" call center month (February 1999, Technion SEE lab;
 * shared/data/anonymous-bank), weekdays only (20 days), on 2026-11-22. The data itself is not shipped.
 */
export const BANK = {
  callsPerDay: 1514,
  /** Share of the day's calls entering in each local hour 0–23 (queue start, or IVR exit when served at once). */
  hourlyShare: [
    0.0032, 0.001, 0.0005, 0.0001, 0.0001, 0.0006, 0.0033, 0.0267, 0.0628, 0.0718, 0.0825, 0.0746, 0.0621, 0.0795,
    0.076, 0.0748, 0.0767, 0.0624, 0.0553, 0.044, 0.0388, 0.041, 0.0352, 0.0269,
  ],
  /** Service (talk) time of answered calls: mean 177 s, median 107 s; log-normal fit. */
  service: { meanSec: 176.9, lognormalSigma: 1.26 },
  /** Mean patience, estimated as total time waited by queued calls ÷ abandons. */
  patienceMeanSec: 345,
  /** Share of queued calls that abandoned. */
  abandonShare: 0.219,
} as const;
