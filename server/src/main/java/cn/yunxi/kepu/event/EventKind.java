package cn.yunxi.kepu.event;

/** What an event is; statistics and the volunteer registry tell them apart. */
public enum EventKind {
    TRAINING("培训课程"),
    LECTURE("科普讲座"),
    ACTIVITY("科普活动"),
    COMPETITION("竞赛"),
    VOLUNTEER_SERVICE("志愿服务"),
    BASE_VISIT("基地参观");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
