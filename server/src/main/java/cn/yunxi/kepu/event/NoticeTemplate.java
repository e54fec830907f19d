package cn.yunxi.kepu.event;

/** The one-time subscribe-message templates the event feature uses; each acceptance allows one message. */
enum NoticeTemplate {
    /** 活动开始提醒: 24 h and 2 h before. */
    REMINDER,
    /** 候补成功通知. */
    WAITLIST,
    /** 活动变更/取消通知. */
    CHANGE
}
