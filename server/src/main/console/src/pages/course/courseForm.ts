// The course editor's model and its pure rules: the whole course is edited locally (lessons and steps added,
// removed and reordered) and saved at once, as the admin API takes it. Lessons keep their server id so residents'
// progress survives a reorder; steps and lessons carry a local key so Vue keeps each row's inputs while they move.
import type { Schemas } from '@/api/client';

export type CourseTopic = Schemas['SaveCourse']['topic'];
export type AdminCourse = Schemas['AdminCourse'];
export type SaveCourse = Schemas['SaveCourse'];

export const TOPIC_LABELS: Record<CourseTopic, string> = { SMARTPHONE: '智能手机', ANTI_FRAUD: '防范诈骗' };
export const STATUS_LABELS: Record<string, string> = { DRAFT: '草稿', PUBLISHED: '已发布', ARCHIVED: '已下线' };
export const STATUS_THEMES: Record<string, 'default' | 'success' | 'warning'> = {
  DRAFT: 'warning', PUBLISHED: 'success', ARCHIVED: 'default',
};

/** The server refuses more; a care-mode screen shows about this many characters of 30 px text without scrolling. */
export const CAPTION_MAX = 80;
export const CAPTION_COMFORT = 36;
export const MAX_SENTENCES = 2;
export const MAX_PRACTICE = 3;
export const MAX_LESSONS = 30;
export const MAX_STEPS = 30;

export interface StepDraft {
  key: string;
  image: string;
  imageUrl: string;
  caption: string;
  narrationKey: string;
  narrationUrl: string;
}

export interface LessonDraft {
  key: string;
  id?: number;
  title: string;
  steps: StepDraft[];
  practiceQuestionIds: number[];
  linkedEventIds: number[];
}

export interface CourseDraft {
  title: string;
  summary: string;
  topic: CourseTopic;
  coverImage: string;
  coverUrl: string;
  lessons: LessonDraft[];
}

let counter = 0;
const nextKey = (prefix: string) => `${prefix}${++counter}`;

export function emptyStep(): StepDraft {
  return { key: nextKey('s'), image: '', imageUrl: '', caption: '', narrationKey: '', narrationUrl: '' };
}

export function emptyLesson(): LessonDraft {
  return { key: nextKey('l'), title: '', steps: [emptyStep()], practiceQuestionIds: [], linkedEventIds: [] };
}

export function emptyCourse(): CourseDraft {
  return { title: '', summary: '', topic: 'SMARTPHONE', coverImage: '', coverUrl: '', lessons: [emptyLesson()] };
}

export function fromView(view: AdminCourse): CourseDraft {
  return {
    title: view.title ?? '',
    summary: view.summary ?? '',
    topic: view.topic ?? 'SMARTPHONE',
    coverImage: view.coverImage ?? '',
    coverUrl: view.coverUrl ?? '',
    lessons: (view.lessons ?? []).map((l) => ({
      key: nextKey('l'),
      id: l.id,
      title: l.title ?? '',
      practiceQuestionIds: [...(l.practiceQuestionIds ?? [])],
      linkedEventIds: [...(l.linkedEventIds ?? [])],
      steps: (l.steps ?? []).map((s) => ({
        key: nextKey('s'),
        image: s.image ?? '',
        imageUrl: s.imageUrl ?? '',
        caption: s.caption ?? '',
        narrationKey: s.narrationKey ?? '',
        narrationUrl: s.narrationUrl ?? '',
      })),
    })),
  };
}

/** The body of POST/PUT: order is the array's order; blank optional fields are left out. */
export function toRequest(draft: CourseDraft): SaveCourse {
  const blank = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    topic: draft.topic,
    coverImage: blank(draft.coverImage),
    lessons: draft.lessons.map((l) => ({
      id: l.id,
      title: l.title.trim(),
      practiceQuestionIds: [...l.practiceQuestionIds],
      steps: l.steps.map((s) => ({ image: s.image, caption: s.caption.trim(), narrationKey: blank(s.narrationKey) })),
    })),
  };
}

/** Moves list[index] by delta (−1 up, +1 down) in place; false when it is already at that end. */
export function move<T>(list: T[], index: number, delta: number): boolean {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return false;
  const [item] = list.splice(index, 1);
  list.splice(target, 0, item);
  return true;
}

/** Sentences as the server counts them: runs of 。！？!? end one; trailing text without an end counts too. */
export function sentenceCount(caption: string): number {
  const text = caption.trim();
  if (!text) return 0;
  const ends = text.match(/[。！？!?]+/g)?.length ?? 0;
  return /[。！？!?]$/.test(text) ? ends : ends + 1;
}

export interface CaptionHint {
  level: 'ok' | 'warning' | 'error';
  text: string;
}

/** What the author sees under a step's sentence: length against what fits a care-mode screen in large type. */
export function captionHint(caption: string): CaptionHint {
  const length = [...caption.trim()].length;
  if (length === 0) return { level: 'ok', text: `一两句话，建议不超过 ${CAPTION_COMFORT} 个字（关怀模式大字一屏显示）` };
  const ends = caption.trim().match(/[。！？!?]+/g)?.length ?? 0;
  if (ends > MAX_SENTENCES) return { level: 'error', text: `只写一两句话（现在有 ${ends} 句）` };
  if (length > CAPTION_MAX) return { level: 'error', text: `${length} 字，超过上限 ${CAPTION_MAX} 字` };
  if (length > CAPTION_COMFORT) return { level: 'warning', text: `${length} 字：大字显示要翻屏，建议精简到 ${CAPTION_COMFORT} 字以内` };
  return { level: 'ok', text: `${length} 字，大字一屏能显示完` };
}

/** What still keeps the course from being published (the server checks again and has the last word). */
export function publishBlockers(draft: CourseDraft): string[] {
  const problems: string[] = [];
  if (!draft.title.trim()) problems.push('请填写课程名称');
  if (draft.lessons.length === 0) problems.push('至少要有一课');
  draft.lessons.forEach((lesson, i) => {
    const name = `第 ${i + 1} 课`;
    if (!lesson.title.trim()) problems.push(`${name}：请填写名称`);
    if (lesson.steps.length === 0) problems.push(`${name}：至少一个步骤`);
    lesson.steps.forEach((step, j) => {
      if (!step.image) problems.push(`${name}第 ${j + 1} 步：缺少图片`);
      if (!step.caption.trim()) problems.push(`${name}第 ${j + 1} 步：缺少说明`);
      else if (captionHint(step.caption).level === 'error') problems.push(`${name}第 ${j + 1} 步：说明太长`);
    });
    const practice = lesson.practiceQuestionIds.length;
    if (practice < 1 || practice > MAX_PRACTICE) problems.push(`${name}：练习题须 1～${MAX_PRACTICE} 道`);
  });
  return problems;
}

/**
 * The field a business error is about, found from the draft (the server's code names no index): the first step
 * whose sentence is too long for COURSE_CAPTION_TOO_LONG, and so on. Undefined when it belongs to the whole form.
 */
export function fieldOfCode(code: string | undefined, draft: CourseDraft): string | undefined {
  const steps = draft.lessons.flatMap((l, li) => l.steps.map((s, si) => ({ s, path: `lessons[${li}].steps[${si}]` })));
  switch (code) {
    case 'COURSE_CAPTION_TOO_LONG': {
      const hit = steps.find(({ s }) => captionHint(s.caption).level === 'error');
      return hit ? `${hit.path}.caption` : undefined;
    }
    case 'COURSE_IMAGE_INVALID': {
      const hit = steps.find(({ s }) => !s.image);
      return hit ? `${hit.path}.image` : 'coverImage';
    }
    case 'COURSE_AUDIO_INVALID': {
      const hit = steps.find(({ s }) => s.narrationKey);
      return hit ? `${hit.path}.narrationKey` : undefined;
    }
    case 'COURSE_QUESTION_INVALID': {
      const li = draft.lessons.findIndex((l) => new Set(l.practiceQuestionIds).size !== l.practiceQuestionIds.length);
      return `lessons[${li < 0 ? 0 : li}].practiceQuestionIds`;
    }
    case 'COURSE_LESSON_HAS_LEARNERS':
      return 'lessons';
    default:
      return undefined;
  }
}
