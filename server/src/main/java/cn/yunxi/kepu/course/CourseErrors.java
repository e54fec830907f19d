package cn.yunxi.kepu.course;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum CourseErrors implements ErrorCode {
    COURSE_NOT_FOUND(HttpStatus.NOT_FOUND, "课程不存在或已下线"),
    LESSON_NOT_FOUND(HttpStatus.NOT_FOUND, "这一课不存在或已下线"),
    COURSE_STATE(HttpStatus.CONFLICT, "课程当前状态不允许此操作，请刷新后重试"),
    COURSE_SELF_PUBLISH(HttpStatus.FORBIDDEN, "不能发布自己编写的课程，请由另一位管理员检查后发布"),
    COURSE_INCOMPLETE(HttpStatus.BAD_REQUEST, "课程还不完整：至少要有一课，每课至少一个步骤和 1～3 道练习题"),
    COURSE_IMAGE_INVALID(HttpStatus.BAD_REQUEST, "步骤图片无效，请重新上传或选择内置插图"),
    COURSE_AUDIO_INVALID(HttpStatus.BAD_REQUEST, "讲解录音无效，请重新上传音频文件"),
    COURSE_CAPTION_TOO_LONG(HttpStatus.BAD_REQUEST, "每个步骤的说明只写一两句话"),
    COURSE_QUESTION_INVALID(HttpStatus.BAD_REQUEST, "练习题须是题库“练习”题池中在用的题目"),
    COURSE_LESSON_UNKNOWN(HttpStatus.BAD_REQUEST, "要修改的课不属于这门课程"),
    COURSE_LESSON_HAS_LEARNERS(HttpStatus.CONFLICT, "已有居民学完这一课，不能删除；可以修改它的内容"),
    COURSE_UNIT_FORBIDDEN(HttpStatus.FORBIDDEN, "只能管理本单位的课程"),
    PRACTICE_INCOMPLETE(HttpStatus.BAD_REQUEST, "请把这一课的练习题都做完再提交"),
    EVENT_LINK_INVALID(HttpStatus.BAD_REQUEST, "活动不存在，无法关联"),
    EVENT_LINK_FORBIDDEN(HttpStatus.FORBIDDEN, "只能关联本单位组织的线下课堂"),
    CERTIFICATE_NOT_FOUND(HttpStatus.NOT_FOUND, "学完全部课程后才能领取结业证书"),
    ART_NOT_FOUND(HttpStatus.NOT_FOUND, "插图或录音不存在");

    private final HttpStatus status;
    private final String message;

    CourseErrors(HttpStatus status, String message) {
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
