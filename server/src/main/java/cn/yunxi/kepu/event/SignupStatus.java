package cn.yunxi.kepu.event;

enum SignupStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
