package cn.yunxi.kepu.indicator;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum IndicatorErrors implements ErrorCode {
    PLAN_NOT_FOUND(HttpStatus.NOT_FOUND, "规划不存在"),
    PLAN_CODE_TAKEN(HttpStatus.CONFLICT, "规划编号已存在"),
    PLAN_PERIOD_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "规划期须从某月 1 日开始、到某月最后一天结束"),
    SECTION_NOT_FOUND(HttpStatus.NOT_FOUND, "规划章节不存在"),
    SECTION_CODE_TAKEN(HttpStatus.CONFLICT, "该规划已有同编号的章节"),
    UNIT_NOT_FOUND(HttpStatus.BAD_REQUEST, "单位不存在"),
    INDICATOR_NOT_FOUND(HttpStatus.NOT_FOUND, "指标不存在"),
    INDICATOR_CODE_TAKEN(HttpStatus.CONFLICT, "该规划已有同编号的指标"),
    INDICATOR_DEFINITION_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "指标定义不完整"),
    INDICATOR_NOT_MANUAL(HttpStatus.CONFLICT, "该指标由系统根据记录自动计算，不能手工填报"),
    NOT_LEAD_UNIT(HttpStatus.FORBIDDEN, "只有牵头单位可以填报本项"),
    ENTRY_NOT_FOUND(HttpStatus.NOT_FOUND, "填报记录不存在"),
    ENTRY_STATUS_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "填报状态只能是 SUBMITTED（待审核）、APPROVED（已通过）或 REJECTED（已退回）"),
    ENTRY_ALREADY_REVIEWED(HttpStatus.CONFLICT, "该填报已审核过"),
    OWN_ENTRY_REVIEW(HttpStatus.FORBIDDEN, "不能审核自己提交的填报"),
    EVIDENCE_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT, "请附上佐证材料"),
    MANUAL_VALUE_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "百分比不能超过 100"),
    MANUAL_AS_OF_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "数据截止日期不正确"),
    BASELINE_NOT_APPLICABLE(HttpStatus.CONFLICT, "该指标的目标没有早于本规划期的统计区间，或不是可累加的人数、人次，不能录入基数"),
    REJECT_REASON_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT, "退回时请填写原因"),
    SNAPSHOT_EXISTS(HttpStatus.CONFLICT, "该月已经报送过，报送数据不可更改"),
    SNAPSHOT_NOT_FOUND(HttpStatus.NOT_FOUND, "报送快照不存在"),
    SNAPSHOT_MONTH_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "只能报送已经开始的月份"),
    TASK_NOT_FOUND(HttpStatus.NOT_FOUND, "任务不存在"),
    TASK_UNITS_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "任务的责任单位不正确"),
    REPORT_EXISTS(HttpStatus.CONFLICT, "本单位该任务本季度已报送"),
    QUARTER_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "季度格式应为 2024-Q1"),
    UNIT_ROLE_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "单位角色只能是 LEAD（牵头）或 PARTICIPANT（参加）"),
    RANGE_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "日期范围不正确（开始不晚于结束，最长 10 年）"),
    DRILL_DOWN_FORBIDDEN(HttpStatus.FORBIDDEN, "指标明细含个人参与记录，仅区级管理员和镇（街道）账号（限本镇街的记录）可查看和导出");

    private final HttpStatus status;
    private final String message;

    IndicatorErrors(HttpStatus status, String message) {
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
