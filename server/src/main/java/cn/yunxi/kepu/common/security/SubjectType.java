package cn.yunxi.kepu.common.security;

/** Who a token speaks for: a resident of the mini-program or a member of staff. */
public enum SubjectType {
    RESIDENT,
    STAFF
}
