import { describe, expect, it } from 'vitest';
import type { Question } from '../../../core/leads/lead-model';
import { answerLines, answerText } from './lead-answers';

const questions: Question[] = [
  { id: 'budget', label: 'Budget', kind: 'choice', options: ['Under 10k', 'Over 10k'] },
  { id: 'groups', label: 'Product groups', kind: 'multi', options: ['Pumps', 'Valves'] },
  { id: 'decides', label: 'Decision maker?', kind: 'yes_no', options: [] },
  { id: 'when', label: 'Timeline', kind: 'text', options: [] },
];

describe('answerLines', () => {
  it('lists every question in the event’s order, with null where nothing was answered', () => {
    expect(answerLines(questions, { decides: false, budget: 'Over 10k' })).toEqual([
      { questionId: 'budget', label: 'Budget', answer: 'Over 10k' },
      { questionId: 'groups', label: 'Product groups', answer: null },
      { questionId: 'decides', label: 'Decision maker?', answer: false },
      { questionId: 'when', label: 'Timeline', answer: null },
    ]);
  });

  it('treats an empty text or an empty choice list as not answered', () => {
    const lines = answerLines(questions, { when: '', groups: [] });
    expect(lines.map((l) => l.answer)).toEqual([null, null, null, null]);
  });

  it('keeps answers to questions the event has since dropped, after the current ones', () => {
    const lines = answerLines(questions.slice(0, 1), { old: 'Q3 next year', budget: 'Under 10k', gone: '' });
    expect(lines).toEqual([
      { questionId: 'budget', label: 'Budget', answer: 'Under 10k' },
      { questionId: 'old', label: null, answer: 'Q3 next year' },
    ]);
  });
});

describe('answerText', () => {
  const words = { yes: 'Yes', no: 'No' };
  it('writes options, yes/no and text as the person reads them', () => {
    expect(answerText(['Pumps', 'Valves'], words)).toBe('Pumps, Valves');
    expect(answerText(true, words)).toBe('Yes');
    expect(answerText(false, words)).toBe('No');
    expect(answerText('Next spring', words)).toBe('Next spring');
  });
});
