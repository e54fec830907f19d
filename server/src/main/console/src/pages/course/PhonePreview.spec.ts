import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import PhonePreview from './PhonePreview.vue';
import { emptyLesson, emptyStep, type LessonDraft } from './courseForm';

function lesson(): LessonDraft {
  const l = emptyLesson();
  l.title = '打开微信';
  l.steps = [
    { ...emptyStep(), imageUrl: 'https://oss.test/a.png', caption: '点开绿色的微信图标。', narrationUrl: 'https://oss.test/a.mp3' },
    { ...emptyStep(), imageUrl: '', caption: '' },
  ];
  l.practiceQuestionIds = [3, 4];
  return l;
}

describe('PhonePreview', () => {
  it('shows one step at a time in large type and steps through to the practice', async () => {
    const wrapper = mount(PhonePreview, { props: { lesson: lesson(), lessonNo: 2, courseTitle: '用微信视频', step: 0 } });
    const text = (t: string) => wrapper.get(`[data-test='${t}']`).text();

    expect(text('preview-lesson')).toBe('第 2 课 · 打开微信');
    expect(text('preview-progress')).toBe('第 1 步，共 2 步');
    expect(text('preview-caption')).toBe('点开绿色的微信图标。');
    expect(wrapper.get("[data-test='preview-image']").attributes('src')).toBe('https://oss.test/a.png');
    expect(wrapper.find("[data-test='preview-audio']").exists()).toBe(true);
    expect(wrapper.get("[data-test='preview-prev']").attributes('disabled')).toBeDefined();

    await wrapper.get("[data-test='preview-next']").trigger('click');
    expect(wrapper.emitted('update:step')?.at(-1)).toEqual([1]);
    await wrapper.setProps({ step: 1 });
    expect(text('preview-progress')).toBe('第 2 步，共 2 步');
    expect(text('preview-caption')).toBe('（这一步的说明）'); // a blank step shows where its sentence goes
    expect(wrapper.find("[data-test='preview-image']").exists()).toBe(false);
    expect(wrapper.find("[data-test='preview-audio']").exists()).toBe(false);

    await wrapper.get("[data-test='preview-next']").trigger('click');
    await wrapper.setProps({ step: 2 });
    expect(text('preview-practice')).toBe('2 道练习题');
    expect(wrapper.get("[data-test='preview-next']").attributes('disabled')).toBeDefined();
  });

  it('asks for a lesson when there is none', () => {
    const wrapper = mount(PhonePreview, { props: { lesson: undefined, lessonNo: 1, courseTitle: '' } });
    expect(wrapper.text()).toContain('添加一课后在这里预览');
    expect(wrapper.text()).toContain('课程名称');
  });
});
