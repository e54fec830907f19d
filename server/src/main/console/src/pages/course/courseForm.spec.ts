import { describe, expect, it } from 'vitest';

import {
  captionHint, emptyCourse, emptyLesson, emptyStep, fieldOfCode, fromView, move, publishBlockers, sentenceCount,
  toRequest, type CourseDraft,
} from './courseForm';

function ready(): CourseDraft {
  const draft = emptyCourse();
  draft.title = '用微信视频通话';
  draft.lessons[0].title = '打开微信';
  Object.assign(draft.lessons[0].steps[0], { image: 'art:wechat-video-1.svg', caption: '点开绿色的微信图标。' });
  draft.lessons[0].practiceQuestionIds = [7];
  return draft;
}

describe('move', () => {
  it('moves an item up and down in place and refuses to leave the list', () => {
    const list = ['a', 'b', 'c'];
    expect(move(list, 2, -1)).toBe(true);
    expect(list).toEqual(['a', 'c', 'b']);
    expect(move(list, 0, 1)).toBe(true);
    expect(list).toEqual(['c', 'a', 'b']);
    expect(move(list, 0, -1)).toBe(false);
    expect(move(list, 2, 1)).toBe(false);
    expect(list).toEqual(['c', 'a', 'b']);
  });
});

describe('captions', () => {
  it('counts sentences as the server does', () => {
    expect(sentenceCount('')).toBe(0);
    expect(sentenceCount('打开微信。')).toBe(1);
    expect(sentenceCount('打开微信。点一下')).toBe(2);
    expect(sentenceCount('打开微信！！找到名字。')).toBe(2);
  });

  it('hints at length for large type and refuses three sentences', () => {
    expect(captionHint('打开微信。').level).toBe('ok');
    expect(captionHint('打开微信。').text).toContain('5 字');
    expect(captionHint('很'.repeat(40)).level).toBe('warning');
    expect(captionHint('很'.repeat(81)).level).toBe('error');
    expect(captionHint('打开微信。找到名字。点一下。')).toEqual({ level: 'error', text: '只写一两句话（现在有 3 句）' });
  });
});

describe('publishBlockers', () => {
  it('is empty for a complete course and names what is missing otherwise', () => {
    expect(publishBlockers(ready())).toEqual([]);
    const draft = ready();
    draft.lessons.push(emptyLesson());
    draft.lessons[0].practiceQuestionIds = [1, 2, 3, 4];
    expect(publishBlockers(draft)).toEqual([
      '第 1 课：练习题须 1～3 道',
      '第 2 课：请填写名称',
      '第 2 课第 1 步：缺少图片',
      '第 2 课第 1 步：缺少说明',
      '第 2 课：练习题须 1～3 道',
    ]);
  });
});

describe('request and view', () => {
  it('keeps lesson ids, order and leaves blank optional keys out', () => {
    const draft = ready();
    draft.lessons[0].id = 11;
    const second = emptyLesson();
    second.title = ' 第二课 ';
    second.steps = [{ ...emptyStep(), image: 'k2', caption: '再点一下。', narrationKey: 'a.mp3' }];
    draft.lessons.unshift(second);
    const body = toRequest(draft);
    expect(body.coverImage).toBeUndefined();
    expect(body.lessons?.map((l) => [l.id, l.title])).toEqual([[undefined, '第二课'], [11, '打开微信']]);
    expect(body.lessons?.[0].steps[0]).toEqual({ image: 'k2', caption: '再点一下。', narrationKey: 'a.mp3' });
    expect(body.lessons?.[1].steps[0].narrationKey).toBeUndefined();
  });

  it('reads the server view into a draft with fresh row keys', () => {
    const draft = fromView({
      id: 3, title: '课', summary: '', topic: 'ANTI_FRAUD', coverImage: 'art:c.svg', coverUrl: '/c.svg', status: 'DRAFT',
      lessons: [{ id: 5, position: 1, title: '一', practiceQuestionIds: [1], linkedEventIds: [9],
        steps: [{ position: 1, image: 'i', imageUrl: '/i', caption: '说明。', narrationKey: '', narrationUrl: '' }] }],
    } as never);
    expect(draft.topic).toBe('ANTI_FRAUD');
    expect(draft.lessons[0].id).toBe(5);
    expect(draft.lessons[0].linkedEventIds).toEqual([9]);
    expect(draft.lessons[0].steps[0].key).toMatch(/^s\d+$/);
  });
});

describe('fieldOfCode', () => {
  it('points a business error at the field it is about', () => {
    const draft = ready();
    draft.lessons[0].steps.push({ ...emptyStep(), image: 'x', caption: '一。二。三。' });
    expect(fieldOfCode('COURSE_CAPTION_TOO_LONG', draft)).toBe('lessons[0].steps[1].caption');
    draft.lessons[0].practiceQuestionIds = [4, 4];
    expect(fieldOfCode('COURSE_QUESTION_INVALID', draft)).toBe('lessons[0].practiceQuestionIds');
    expect(fieldOfCode('COURSE_IMAGE_INVALID', draft)).toBe('coverImage');
    expect(fieldOfCode('COURSE_STATE', draft)).toBeUndefined();
  });
});
