import { describe, expect, it } from 'vitest';
import { emptyCapture, isBlankCapture } from './capture-values';

describe('whether the capture form holds anything', () => {
  it('is blank when empty, also with questions left unanswered', () => {
    expect(isBlankCapture(emptyCapture())).toBe(true);
    expect(isBlankCapture({ ...emptyCapture(), answers: { budget: '', groups: [] } })).toBe(true);
  });

  it('is not blank with one thing typed or chosen', () => {
    expect(isBlankCapture({ ...emptyCapture(), notes: 'x' })).toBe(false);
    expect(isBlankCapture({ ...emptyCapture(), rating: 'hot' })).toBe(false);
    expect(isBlankCapture({ ...emptyCapture(), interests: ['pumps'] })).toBe(false);
    expect(isBlankCapture({ ...emptyCapture(), answers: { decides: false } })).toBe(false);
  });
});
