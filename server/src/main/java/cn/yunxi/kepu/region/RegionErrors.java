package cn.yunxi.kepu.region;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum RegionErrors implements ErrorCode {
    IMPORT_FILE_INVALID(HttpStatus.BAD_REQUEST, "无法读取该文件，请上传用导入模板填写的 .xlsx 文件"),
    IMPORT_CONFLICT(HttpStatus.CONFLICT, "导入时区划被同时修改（或两个村互换了名称），本次没有写入任何内容，请重新导入");

    private final HttpStatus status;
    private final String message;

    RegionErrors(HttpStatus status, String message) {
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
