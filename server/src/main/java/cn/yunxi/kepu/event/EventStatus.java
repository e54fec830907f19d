package cn.yunxi.kepu.event;

enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED, FINISHED
}
