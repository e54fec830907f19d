package cn.yunxi.kepu.quiz;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum QuizErrors implements ErrorCode {
    QUIZ_NOT_FOUND(HttpStatus.NOT_FOUND, "答题活动不存在或未开放"),
    QUIZ_NOT_OPEN(HttpStatus.CONFLICT, "答题活动尚未开始"),
    QUIZ_CLOSED(HttpStatus.CONFLICT, "答题活动已结束"),
    QUIZ_NOT_ELIGIBLE(HttpStatus.FORBIDDEN, "本次活动仅限指定地区或人群参加"),
    QUIZ_NOT_EDITABLE(HttpStatus.CONFLICT, "竞赛已发布，不能再修改试卷规则"),
    QUIZ_INVALID(HttpStatus.BAD_REQUEST, "答题设置有误"),
    QUIZ_OUT_OF_SCOPE(HttpStatus.FORBIDDEN, "只能面向本单位管辖的地区组织答题活动"),
    QUIZ_NO_QUESTIONS(HttpStatus.CONFLICT, "题库中符合条件的题目不足"),
    PRACTICE_ONE_BY_ONE(HttpStatus.BAD_REQUEST, "练习模式请逐题作答"),
    DAILY_ALREADY_DONE(HttpStatus.CONFLICT, "今天的每日答题已完成，明天再来吧"),
    ATTEMPTS_USED_UP(HttpStatus.CONFLICT, "答题次数已用完"),
    ATTEMPT_NOT_FOUND(HttpStatus.NOT_FOUND, "答题记录不存在"),
    ATTEMPT_CLOSED(HttpStatus.CONFLICT, "本次答题已结束"),
    ANSWER_INVALID(HttpStatus.BAD_REQUEST, "答案格式不正确"),
    QUESTION_NOT_FOUND(HttpStatus.NOT_FOUND, "题目不存在"),
    QUESTION_INVALID(HttpStatus.BAD_REQUEST, "题目内容有误"),
    BENCHMARK_UNKNOWN(HttpStatus.BAD_REQUEST, "基准编号应为 1 到 26"),
    IMPORT_FILE_INVALID(HttpStatus.BAD_REQUEST, "无法读取导入文件，请使用下载的模板（.xlsx）"),
    WRONG_BOOK_EMPTY(HttpStatus.NOT_FOUND, "错题本是空的，继续保持！"),
    CERTIFICATE_NOT_FOUND(HttpStatus.NOT_FOUND, "证书编号不存在");

    private final HttpStatus status;
    private final String message;

    QuizErrors(HttpStatus status, String message) {
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
