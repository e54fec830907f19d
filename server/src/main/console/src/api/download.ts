// Files the API produces (Excel exports, templates) need the staff token, so they are fetched and saved from a
// blob rather than opened as plain links.
import { authorizedFetch } from './client';
import { ApiError } from './problem';

export async function download(path: string, filename: string): Promise<void> {
  let response: Response;
  try {
    response = await authorizedFetch(new Request(path));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw ApiError.network();
  }
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw ApiError.from(response.status, body);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
