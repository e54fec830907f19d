package cn.yunxi.kepu.staff;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum StaffErrors implements ErrorCode {
    BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED, "用户名或密码错误"),
    ACCOUNT_LOCKED(HttpStatus.LOCKED, "密码错误次数过多，账号已临时锁定，请 15 分钟后再试"),
    ACCOUNT_DISABLED(HttpStatus.FORBIDDEN, "账号已停用，请联系区级管理员"),
    USERNAME_TAKEN(HttpStatus.CONFLICT, "该用户名已被使用"),
    UNIT_NOT_FOUND(HttpStatus.BAD_REQUEST, "所选单位不存在"),
    UNIT_REQUIRED(HttpStatus.BAD_REQUEST, "除区级管理员外，账号必须属于一个单位"),
    STAFF_NOT_FOUND(HttpStatus.NOT_FOUND, "账号不存在"),
    ROLE_NOT_ALLOWED(HttpStatus.FORBIDDEN, "您只能为本单位创建活动组织者账号"),
    WRONG_PASSWORD(HttpStatus.BAD_REQUEST, "原密码不正确");

    private final HttpStatus status;
    private final String message;

    StaffErrors(HttpStatus status, String message) {
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
