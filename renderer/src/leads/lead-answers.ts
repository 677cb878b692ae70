/** A lead's answers to its event's qualification questions, as the lead details show them. */
import type { Answer, Question } from '../../../core/leads/lead-model';

export interface AnswerLine {
  questionId: string;
  /** The question as the event asks it now; null when the event no longer has the question. */
  label: string | null;
  /** null when the question was not answered (an empty text or an empty choice counts as none). */
  answer: Answer | null;
}

const isBlank = (a: Answer | undefined) => a === undefined || a === '' || (Array.isArray(a) && a.length === 0);

/**
 * Every question of the event in the event's order, answered or not, then the answers to
 * questions the event has since dropped: answers are keyed by question id, so an edited event
 * can leave some behind, and what the visitor said is still worth seeing.
 */
export function answerLines(questions: readonly Question[], answers: Readonly<Record<string, Answer>>): AnswerLine[] {
  const lines: AnswerLine[] = questions.map((q) => ({ questionId: q.id, label: q.label, answer: isBlank(answers[q.id]) ? null : answers[q.id]! }));
  const asked = new Set(questions.map((q) => q.id));
  for (const [id, answer] of Object.entries(answers)) {
    if (!asked.has(id) && !isBlank(answer)) lines.push({ questionId: id, label: null, answer });
  }
  return lines;
}

/** An answer as text: options joined with commas, yes/no in the UI language. */
export function answerText(answer: Answer, words: { yes: string; no: string }): string {
  if (typeof answer === 'boolean') return answer ? words.yes : words.no;
  if (Array.isArray(answer)) return answer.join(', ');
  return answer;
}
