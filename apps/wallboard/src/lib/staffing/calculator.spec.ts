import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { agentsAround, agentsUrl, erlangUrl, fieldErrors, type CalculatorForm } from './calculator.js';

const form: CalculatorForm = {
  calls: 200,
  per: 'hour',
  ahtSec: 180,
  targetSec: 20,
  agents: 14,
  patienceSec: null,
  goalPct: 80,
};
const query = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe('what-if calculator: form to requests', () => {
  it('asks Erlang C for the head count, and Erlang A with the patience', () => {
    expect(erlangUrl(form, 'erlang-c')).toBe(
      '/api/v1/staffing/erlang-c?callsPerHour=200&ahtSec=180&agents=14&targetSec=20',
    );
    expect(query(erlangUrl({ ...form, patienceSec: 300 }, 'erlang-a', 12))).toEqual({
      callsPerHour: '200',
      ahtSec: '180',
      agents: '12',
      targetSec: '20',
      patienceSec: '300',
    });
  });

  it('turns calls per 30 minutes into calls per hour, and the goal percent into a fraction', () => {
    const half = { ...form, calls: 100, per: 'halfHour' as const };
    expect(query(erlangUrl(half, 'erlang-c')).callsPerHour).toBe('200');
    expect(agentsUrl(half)).toBe('/api/v1/staffing/agents?callsPerHour=200&ahtSec=180&targetSec=20&serviceLevel=0.8');
  });

  it('sends empty fields empty, so the API names them', () => {
    expect(query(erlangUrl({ ...form, ahtSec: null, calls: null }, 'erlang-c'))).toMatchObject({
      callsPerHour: '',
      ahtSec: '',
    });
  });

  it('tabulates N − 2 … N + 2 from one agent up', () => {
    expect(agentsAround(14)).toEqual([12, 13, 14, 15, 16]);
    expect(agentsAround(2)).toEqual([1, 2, 3, 4]);
    expect(agentsAround(null)).toEqual([]);
    expect(agentsAround(2.5)).toEqual([]);
  });

  it('puts a 400 next to the field its parameter comes from', () => {
    const error = new ApiError({
      statusCode: 400,
      error: 'Bad Request',
      message: 'callsPerHour must be…',
      details: [{ field: 'callsPerHour', reason: 'callsPerHour must be a finite number ≥ 0, got NaN' }],
    });
    expect(fieldErrors(error)).toEqual({ calls: 'callsPerHour must be a finite number ≥ 0, got NaN' });
    const goal = new ApiError({
      statusCode: 400,
      error: 'x',
      message: 'm',
      details: [{ field: 'serviceLevel', reason: 'r' }],
    });
    expect(fieldErrors(goal)).toEqual({ goalPct: 'r' });
    expect(fieldErrors(new Error('offline'))).toEqual({ form: 'offline' });
  });
});
