package cn.yunxi.kepu.staff;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum StaffErrors implements ErrorCode {
    /** Every login failure, whatever the cause, so that none tells which usernames exist or are disabled. */
    BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED, "用户名或密码错误。多次输错后需等几分钟再试；账号停用请联系区级管理员"),
    ACCOUNT_DISABLED(HttpStatus.FORBIDDEN, "账号已停用，请联系区级管理员"),
    USERNAME_TAKEN(HttpStatus.CONFLICT, "该用户名已被使用"),
    UNIT_NOT_FOUND(HttpStatus.BAD_REQUEST, "所选单位不存在"),
    UNIT_REQUIRED(HttpStatus.BAD_REQUEST, "除区级管理员外，账号必须属于一个单位"),
    STAFF_NOT_FOUND(HttpStatus.NOT_FOUND, "账号不存在"),
    ROLE_NOT_ALLOWED(HttpStatus.FORBIDDEN, "您只能为本单位创建活动组织者账号"),
    WRONG_PASSWORD(HttpStatus.BAD_REQUEST, "原密码不正确"),
    PASSWORD_TOO_LONG(HttpStatus.BAD_REQUEST, "密码过长：最多 72 个字节（英文字母、数字和符号各占 1 个，汉字各占 3 个，即最多 24 个汉字），请换一个短一些的密码"),
    PASSWORD_UNCHANGED(HttpStatus.BAD_REQUEST, "新密码不能与原密码相同"),
    RESET_OWN_PASSWORD(HttpStatus.BAD_REQUEST, "不能重置自己的密码，请使用“修改密码”"),
    CHANGE_OWN_ROLE(HttpStatus.BAD_REQUEST, "不能修改自己的角色或单位，请另一位区级管理员操作"),
    DISABLE_SELF(HttpStatus.BAD_REQUEST, "不能停用自己的账号");

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
