// The server stores uploaded images in a body as src="media:<key>" (signed URLs expire). The editor shows them with
// a signed preview URL and remembers the key in data-media-key; saving turns them back into references.

const SCHEME = 'media:';

/** Stored body → editor: references become preview URLs, keeping their keys. */
export function toEditorHtml(stored: string, urls: Record<string, string>): string {
  if (!stored.includes(SCHEME)) return stored;
  const doc = new DOMParser().parseFromString(`<body>${stored}</body>`, 'text/html');
  doc.querySelectorAll<HTMLElement>('[src^="media:"]').forEach((el) => {
    const key = el.getAttribute('src')!.slice(SCHEME.length);
    el.setAttribute('data-media-key', key);
    el.setAttribute('src', urls[key] ?? '');
  });
  return doc.body.innerHTML;
}

/** Editor → stored body: every uploaded file goes back to its media:<key> reference. */
export function toStoredHtml(edited: string): string {
  if (!edited.includes('data-media-key')) return edited;
  const doc = new DOMParser().parseFromString(`<body>${edited}</body>`, 'text/html');
  doc.querySelectorAll<HTMLElement>('[data-media-key]').forEach((el) => {
    el.setAttribute('src', SCHEME + el.getAttribute('data-media-key'));
    el.removeAttribute('data-media-key');
  });
  return doc.body.innerHTML;
}
