package cn.yunxi.kepu.media;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum MediaErrors implements ErrorCode {
    MEDIA_TYPE_NOT_ALLOWED(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持该文件类型，请上传允许的图片、音频或视频格式"),
    MEDIA_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "文件过大，请压缩后重新上传"),
    MEDIA_PURPOSE_NOT_ALLOWED(HttpStatus.FORBIDDEN, "当前账号不能上传这类文件"),
    MEDIA_KEY_NOT_ISSUED(HttpStatus.FORBIDDEN, "这个文件不是按本账号领取的上传凭证上传的，请重新上传"),
    MEDIA_KEY_INVALID(HttpStatus.BAD_REQUEST, "文件标识不正确"),
    MEDIA_OBJECT_NOT_FOUND(HttpStatus.NOT_FOUND, "没有找到上传的文件，请重新上传"),
    MEDIA_POLICY_INVALID(HttpStatus.FORBIDDEN, "上传凭证无效或已过期，请重新获取"),
    MEDIA_CALLBACK_REJECTED(HttpStatus.FORBIDDEN, "上传回调签名校验失败"),
    MEDIA_URL_INVALID(HttpStatus.FORBIDDEN, "文件链接无效或已过期");

    private final HttpStatus status;
    private final String message;

    MediaErrors(HttpStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String message() {
        return message;
    }
}
