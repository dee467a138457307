import { describe, expect, it } from 'vitest';
import { rankRequests, type BreakRequest } from './rank.js';

const NOW = Date.UTC(2026, 2, 10, 11, 0);
const MIN = 60_000;

describe(rankRequests.name, () => {
  it('puts the overdue first, then the longest without a break, then the oldest request', () => {
    const requests: BreakRequest[] = [
      { agent: 'fresh', requestedAtMs: NOW - 1 * MIN, workedSinceLastBreakSec: 3600 },
      { agent: 'long', requestedAtMs: NOW - 2 * MIN, workedSinceLastBreakSec: 8000 },
      // 8,500 s when asked 20 minutes ago: 9,700 s now, past the 9,000 s threshold and longer than 'overdue'.
      { agent: 'became-overdue', requestedAtMs: NOW - 20 * MIN, workedSinceLastBreakSec: 8500 },
      // Both at 3,840 s now: the older request first.
      { agent: 'tie-late', requestedAtMs: NOW - 5 * MIN, workedSinceLastBreakSec: 3540 },
      { agent: 'tie-early', requestedAtMs: NOW - 6 * MIN, workedSinceLastBreakSec: 3480 },
      { agent: 'overdue', requestedAtMs: NOW, workedSinceLastBreakSec: 9500 },
    ];
    expect(rankRequests(requests, NOW).map((r) => r.agent)).toEqual([
      'became-overdue',
      'overdue',
      'long',
      'tie-early',
      'tie-late',
      'fresh',
    ]);
  });
});
