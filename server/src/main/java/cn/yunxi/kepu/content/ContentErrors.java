package cn.yunxi.kepu.content;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum ContentErrors implements ErrorCode {
    CONTENT_NOT_FOUND(HttpStatus.NOT_FOUND, "内容不存在或已下线"),
    CONTENT_STATE(HttpStatus.CONFLICT, "内容当前状态不允许此操作，请刷新后重试"),
    CONTENT_SELF_REVIEW(HttpStatus.FORBIDDEN, "不能审核自己撰写的内容，请由其他审核人审核"),
    CONTENT_REVIEWER_ROLE(HttpStatus.FORBIDDEN, "只有管理员可以审核、发布或下线内容"),
    CONTENT_REASON_REQUIRED(HttpStatus.BAD_REQUEST, "请填写驳回理由"),
    CONTENT_MEDIA_UNKNOWN(HttpStatus.BAD_REQUEST, "引用的图片、音视频文件不存在，请先上传"),
    CONTENT_MEDIA_REQUIRED(HttpStatus.BAD_REQUEST, "视频、音频内容必须上传对应的媒体文件并填写时长"),
    CONTENT_TOPIC_UNKNOWN(HttpStatus.BAD_REQUEST, "所选主题不存在"),
    CONTENT_SECTION_UNKNOWN(HttpStatus.BAD_REQUEST, "所选纲要条目不存在"),
    CONTENT_UNIT_FORBIDDEN(HttpStatus.FORBIDDEN, "只能管理本单位的内容"),
    CONTENT_EMERGENCY_FORBIDDEN(HttpStatus.FORBIDDEN, "只有区级管理员可以设置或延长应急置顶"),
    CONTENT_EMERGENCY_END_REQUIRED(HttpStatus.BAD_REQUEST, "应急置顶必须设置一个晚于现在的结束时间"),
    CONTENT_EMERGENCY_SEPARATE(HttpStatus.CONFLICT, "已发布内容的应急置顶请由区级管理员单独设置，修改正文时请勿改动"),
    SHARE_TOKEN_INVALID(HttpStatus.BAD_REQUEST, "分享链接无效"),
    READ_SESSION_NOT_FOUND(HttpStatus.NOT_FOUND, "阅读记录不存在"),
    READ_SESSION_EXPIRED(HttpStatus.GONE, "阅读记录已过期，请重新打开内容"),
    COMMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "评论不存在"),
    COMMENT_STATE(HttpStatus.CONFLICT, "该评论已处理"),
    COMMENT_IMAGE_INVALID(HttpStatus.BAD_REQUEST, "评论图片无效，请重新上传"),
    COMMENT_IMAGE_REJECTED(HttpStatus.BAD_REQUEST, "这张图片未通过内容安全检测，请换一张");

    private final HttpStatus status;
    private final String message;

    ContentErrors(HttpStatus status, String message) {
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
