import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ORG_CONNECTION_LIMIT } from '../model/org-connection';
import { connectionLimitStatus } from './connection-limit-status';

describe('connectionLimitStatus', () => {
  it('allows adding below the limit of 10', () => {
    expect(connectionLimitStatus(9)).toEqual({ count: 9, limit: 10, remaining: 1, reached: false });
    expect(connectionLimitStatus([])).toEqual({ count: 0, limit: 10, remaining: 10, reached: false });
  });

  it('blocks adding at the limit', () => {
    expect(connectionLimitStatus(Array.from({ length: 10 }, (_, index) => index))).toEqual({
      count: 10,
      limit: 10,
      remaining: 0,
      reached: true,
    });
  });

  it('stays blocked past the limit, with nothing remaining', () => {
    expect(connectionLimitStatus(12)).toMatchObject({ count: 12, remaining: 0, reached: true });
  });

  it.each([Number.NaN, -3])('treats a count of %s as none', (count) => {
    expect(connectionLimitStatus(count)).toMatchObject({ count: 0, reached: false });
  });

  test.prop([fc.nat({ max: 50 })])('is reached exactly when the count is the limit or more', (count) => {
    const status = connectionLimitStatus(count);
    expect(status.reached).toBe(count >= ORG_CONNECTION_LIMIT);
    expect(status.remaining).toBe(Math.max(0, ORG_CONNECTION_LIMIT - count));
  });
});
