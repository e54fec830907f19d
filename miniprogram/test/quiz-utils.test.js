const q = require('../app/utils/quiz');
const { createWx } = require('./helpers/wx');

beforeEach(() => {
  global.wx = createWx();
});

describe('server clock', () => {
  test('the offset corrects a phone clock that is wrong', () => {
    const phoneNow = Date.parse('2020-01-01T00:00:00Z'); // phone years behind
    const offset = q.clockOffset('2026-11-29T10:00:00+08:00', phoneNow);
    expect(q.remainingMs('2026-11-29T10:05:00+08:00', offset, phoneNow)).toBe(5 * 60 * 1000);
    expect(q.remainingMs('2026-11-29T10:05:00+08:00', offset, phoneNow + 6 * 60 * 1000)).toBe(0);
  });

  test('remaining time is shown as mm:ss, h:mm:ss from an hour, rounding seconds up', () => {
    expect(q.formatRemaining(599001)).toBe('10:00');
    expect(q.formatRemaining(61000)).toBe('01:01');
    expect(q.formatRemaining(3 * 3600 * 1000 + 5000)).toBe('3:00:05');
    expect(q.formatRemaining(-5)).toBe('00:00');
  });
});

describe('answers', () => {
  test('single choice and 判断 replace, 多选 toggles and stays sorted', () => {
    expect(q.toggle('SINGLE', [0], 2)).toEqual([2]);
    expect(q.toggle('TRUE_FALSE', [], 1)).toEqual([1]);
    expect(q.toggle('MULTIPLE', [3], 0)).toEqual([0, 3]);
    expect(q.toggle('MULTIPLE', [0, 3], 3)).toEqual([0]);
  });

  test('the request body leaves out questions with nothing chosen and uses numeric ids', () => {
    expect(q.answersBody({ 11: [1], 12: [], 13: [0, 2] })).toEqual({
      answers: [
        { questionId: 11, selected: [1] },
        { questionId: 13, selected: [0, 2] },
      ],
    });
  });

  test('answers kept on the phone win over older ones from the server', () => {
    expect(q.mergeAnswers({ 11: [0], 12: [1] }, { 12: [2] })).toEqual({ 11: [0], 12: [2] });
  });

  test('the phone copy survives and is removed after the result', () => {
    q.writeCachedAnswers(5, { 11: [1] });
    expect(q.readCachedAnswers(5)).toEqual({ 11: [1] });
    q.clearCachedAnswers(5);
    expect(q.readCachedAnswers(5)).toEqual({});
  });
});

describe('formatting', () => {
  test('durations, dates and contest windows', () => {
    expect(q.formatDuration(65300)).toBe('1分5.3秒');
    expect(q.formatDuration(9000)).toBe('9秒');
    expect(q.formatDate('2026-11-29T23:30:00+08:00')).toBe('2026年11月29日');
    expect(q.formatWindow('2026-11-01T08:00:00+08:00', '2026-11-30T20:00:00+08:00')).toBe('11月1日 08:00 至 11月30日 20:00');
    expect(q.formatWindow(null, null)).toBe('长期开放');
    expect(q.letters([0, 1, 3])).toBe('A、B、D');
  });
});
