package cn.yunxi.kepu.common.web;

/**
 * The one exception type features throw for expected failures; see {@link ErrorCode}. A resident's mistake (any
 * 4xx without a cause) carries no stack trace: nobody reads it, and filling it in is most of what a refusal
 * costs on a hot path such as signing up for a full event.
 */
public class ApiException extends RuntimeException {

    private final transient ErrorCode errorCode;

    public ApiException(ErrorCode errorCode) {
        this(errorCode, errorCode.message());
    }

    public ApiException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, null);
    }

    public ApiException(ErrorCode errorCode, String detail, Throwable cause) {
        super(detail, cause, true, cause != null || errorCode.status().is5xxServerError());
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
