import { describe, expect, it } from 'vitest';

import { toEditorHtml, toStoredHtml } from './bodyMedia';

describe('body media references', () => {
  const stored = '<p>看图</p><img src="media:s/3/content-image/a.png" alt="示意图"><img src="https://cdn.example.cn/b.jpg">';
  const urls = { 's/3/content-image/a.png': 'https://oss.example.cn/a.png?Signature=x' };

  it('shows uploaded images with their preview URL in the editor', () => {
    const html = toEditorHtml(stored, urls);
    expect(html).toContain('src="https://oss.example.cn/a.png?Signature=x"');
    expect(html).toContain('data-media-key="s/3/content-image/a.png"');
    expect(html).toContain('src="https://cdn.example.cn/b.jpg"');
  });

  it('saves them as references again, leaving other images alone', () => {
    expect(toStoredHtml(toEditorHtml(stored, urls))).toBe(stored);
  });

  it('leaves bodies without uploads untouched', () => {
    expect(toEditorHtml('<p>纯文字</p>', urls)).toBe('<p>纯文字</p>');
    expect(toStoredHtml('<p>纯文字</p>')).toBe('<p>纯文字</p>');
  });
});
