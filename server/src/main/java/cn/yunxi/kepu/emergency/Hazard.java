package cn.yunxi.kepu.emergency;

/** What an emergency template is about; the console groups templates by it. */
enum Hazard {
    RAINSTORM("暴雨"),
    FLOOD("洪水"),
    HEAT("高温"),
    EARTHQUAKE("地震"),
    FOREST_FIRE("森林火险"),
    OTHER("其他");

    private final String label;

    Hazard(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
