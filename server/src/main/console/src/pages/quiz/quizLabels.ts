// Labels of the quiz feature's codes.
export const QUESTION_TYPES: Record<string, string> = { SINGLE: '单选', MULTIPLE: '多选', TRUE_FALSE: '判断' };
export const DIFFICULTIES: Record<number, string> = { 1: '容易', 2: '中等', 3: '较难' };
export const QUIZ_KINDS: Record<string, string> = { DAILY: '每日答题', PRACTICE: '练习', CONTEST: '竞赛', SELF_TEST: '科学素质自测' };
export const QUIZ_STATUS: Record<string, string> = { DRAFT: '草稿', PUBLISHED: '进行中', CLOSED: '已结束' };
export const QUIZ_STATUS_THEMES: Record<string, 'default' | 'success' | 'warning'> = {
  DRAFT: 'default', PUBLISHED: 'success', CLOSED: 'warning',
};
export const OPTION_LETTERS = 'ABCDEF';

export function answerLetters(answer: number[] | undefined): string {
  return (answer ?? []).map((i) => OPTION_LETTERS[i] ?? '?').join('');
}
