package cn.yunxi.kepu.points;

/** Why points were given. Each reason has its own daily cap ({@code kepu.points.daily-caps.<REASON>}). */
public enum PointsReason {
    DAILY_QUIZ("每日答题"),
    CONTEST("知识竞赛"),
    READING("科普阅读"),
    ATTENDANCE("参加活动"),
    SHARE("分享");

    private final String label;

    PointsReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
