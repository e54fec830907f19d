package cn.yunxi.kepu.course;

/** What a course teaches; the anti-fraud corner of the home page lists the ANTI_FRAUD ones. */
enum CourseTopic {
    SMARTPHONE("智能手机"),
    ANTI_FRAUD("防范诈骗");

    private final String label;

    CourseTopic(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
