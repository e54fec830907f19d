package cn.yunxi.kepu.resident;

/** The plan's five key groups (重点人群), plus everyone else. */
public enum PopulationGroup {
    YOUTH("青少年"),
    FARMER("农民"),
    INDUSTRIAL_WORKER("产业工人"),
    ELDERLY("老年人"),
    OFFICIAL("领导干部和公务员"),
    OTHER("其他");

    private final String label;

    PopulationGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
