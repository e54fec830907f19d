// Errors from the API are RFC 9457 problem details: a stable `code`, a Chinese `detail` fit to show, and for
// validation failures `errors: [{field, message}]` to show beside the fields.

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: FieldProblem[];
}

export const NETWORK_ERROR = '网络连接失败，请检查网络后重试';

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || ApiError.fallbackDetail(problem.status));
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** An error answer as a problem, whatever its body (a proxy's HTML page, nothing at all). */
  static from(status: number, body: unknown): ApiError {
    if (body && typeof body === 'object' && ('detail' in body || 'code' in body)) {
      const problem = body as Partial<Problem>;
      return new ApiError({ ...problem, status: problem.status ?? status });
    }
    return new ApiError({ status });
  }

  static network(): ApiError {
    return new ApiError({ status: 0, code: 'NETWORK', detail: NETWORK_ERROR });
  }

  private static fallbackDetail(status: number): string {
    if (status === 0) return NETWORK_ERROR;
    if (status === 401) return '登录已失效，请重新登录';
    if (status === 403) return '没有权限进行此操作';
    if (status === 404) return '访问的内容不存在，或不在您的管理范围内';
    if (status === 413) return '提交的内容过大';
    if (status === 429) return '操作太频繁，请稍后再试';
    if (status >= 500) return '服务器开小差了，请稍后重试';
    return '请求失败';
  }
}

/** The message to show for anything thrown while calling the API. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后重试';
}
