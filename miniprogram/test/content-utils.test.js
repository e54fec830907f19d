const c = require('../app/utils/content');

describe('content helpers', () => {
  test('mergeFeed keeps pinned items on top, server order otherwise, and drops repeats', () => {
    const merged = c.mergeFeed(
      [{ id: 1 }, { id: 2, pinned: true }],
      [{ id: 2, pinned: true }, { id: 3 }, { id: 4, pinned: true }],
    );
    expect(merged.map((x) => x.id)).toEqual([2, 4, 1, 3]);
  });

  test('lengthText: reading minutes for articles, running time for media', () => {
    expect(c.lengthText('ARTICLE', 30)).toBe('阅读约 1 分钟');
    expect(c.lengthText('ARTICLE', 400)).toBe('阅读约 7 分钟');
    expect(c.lengthText('VIDEO', 3725)).toBe('1:02:05');
    expect(c.lengthText('AUDIO', 65)).toBe('1:05');
    expect(c.lengthText('AUDIO', 0)).toBe('');
  });

  test('cardView prefers the thumbnail and names topics in Chinese', () => {
    const v = c.cardView({ id: 1, type: 'VIDEO', coverUrl: 'big', coverThumbnailUrl: 'small', topics: ['ANTI_FRAUD', 'UNKNOWN', 'HEALTH', 'DIGITAL'], lengthSeconds: 60 });
    expect(v.cover).toBe('small');
    expect(v.typeLabel).toBe('视频');
    expect(v.topicText).toBe('防范诈骗与谣言 · 健康生活');
  });

  test('prepareHtml keeps every image inside the screen', () => {
    expect(c.prepareHtml('<p>a</p><IMG src="x"><img alt="y">')).toBe(
      '<p>a</p><img style="max-width:100%;height:auto;display:block;" src="x"><img style="max-width:100%;height:auto;display:block;" alt="y">',
    );
    expect(c.prepareHtml(null)).toBe('');
  });

  test('moderation outcomes in Chinese', () => {
    expect(c.postedMessage('IN_REVIEW').text).toBe('评论已提交，审核通过后他人可见');
    expect(c.postedMessage('HIDDEN').text).toContain('仅您自己可见');
    expect(c.postedMessage('VISIBLE').text).toBe('评论已发表');
    expect(c.commentView({ id: 1, status: 'HIDDEN', mine: true }).note).toBe('仅您自己可见');
    expect(c.commentView({ id: 2, status: 'VISIBLE', mine: false }).note).toBe('');
  });
});
