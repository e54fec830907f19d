// Files the staff upload to the API itself (Excel imports), as multipart/form-data with the staff token.
import { authorizedFetch } from './client';
import { ApiError } from './problem';

/** POSTs the file in the part `file` and answers the JSON body, or throws the problem the server answered. */
export async function postFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const response = await authorizedFetch(new Request(path, { method: 'POST', body: form }));
  const body = await response.json().catch(() => null);
  if (!response.ok) throw ApiError.from(response.status, body);
  return body as T;
}
