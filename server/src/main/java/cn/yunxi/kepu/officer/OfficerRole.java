package cn.yunxi.kepu.officer;

/** The two kinds of village/community science volunteers the plan names. */
public enum OfficerRole {
    /** 科普信息员: shares science content; counts while active. */
    INFO_OFFICER("科普信息员"),
    /** 科普宣传员: appointed promoter of a village or community. */
    PROMOTER("科普宣传员");

    private final String label;

    OfficerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
