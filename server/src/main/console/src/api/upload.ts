// Direct upload to object storage, as the server's upload policy describes it: ask for a policy, POST the file
// with the policy's form fields to its host (OSS, or this server in local mode) while reporting progress, then
// have the server confirm and record the upload. The file never passes through the application server in OSS mode.
import { api, unwrap, type Schemas } from './client';
import { ApiError } from './problem';

export type UploadPurpose = Schemas['Policy']['purpose'];
export type MediaView = Schemas['MediaView'];

export interface UploadDeps {
  /** XHR factory (tests pass a fake). */
  xhr: () => XMLHttpRequest;
}

const defaultDeps: UploadDeps = { xhr: () => new XMLHttpRequest() };

export async function uploadFile(
  file: File,
  purpose: UploadPurpose,
  onProgress: (percent: number) => void = () => undefined,
  deps: UploadDeps = defaultDeps,
): Promise<MediaView & { key: string; url: string }> {
  const contentType = file.type || guessType(file.name);
  const policy = await unwrap(api.POST('/api/admin/v1/media/upload-policy', {
    body: { purpose, contentType, size: file.size },
  }));
  if (!policy.host || !policy.key) throw new ApiError({ status: 500, detail: '上传凭证不完整，请重试' });
  const form = new FormData();
  for (const [name, value] of Object.entries(policy.fields ?? {})) form.append(name, value);
  form.append('file', file); // must come last: storage ignores fields after the file
  await post(policy.host, form, onProgress, deps);
  const confirmed = await unwrap(api.POST('/api/admin/v1/media/confirm', { body: { key: policy.key } }));
  return { ...confirmed, key: confirmed.key ?? policy.key, url: confirmed.url ?? '' };
}

function post(url: string, form: FormData, onProgress: (percent: number) => void, deps: UploadDeps): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = deps.xhr();
    xhr.open('POST', url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.min(99, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve();
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // OSS answers errors in XML; the status says enough
      }
      reject(ApiError.from(xhr.status, body ?? { status: xhr.status, detail: uploadFailure(xhr.status) }));
    };
    xhr.onerror = () => reject(ApiError.network());
    xhr.send(form);
  });
}

function uploadFailure(status: number): string {
  if (status === 403) return '上传凭证已失效或文件不符合要求，请重新上传';
  if (status === 400 || status === 413) return '文件过大或类型不符合要求';
  return '上传失败，请重试';
}

/** Some systems give no type for .m4a or .mp3; the server's allow-list needs one. */
export function guessType(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const types: Record<string, string> = {
    jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif',
    mp4: 'video/mp4', mov: 'video/quicktime', mp3: 'audio/mpeg', m4a: 'audio/x-m4a', aac: 'audio/aac',
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
  return types[ext] ?? 'application/octet-stream';
}
