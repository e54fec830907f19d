package cn.yunxi.kepu.quiz;

enum QuestionType {
    SINGLE("单选"),
    /** All-or-nothing: exactly the correct set scores. */
    MULTIPLE("多选"),
    TRUE_FALSE("判断");

    static final java.util.List<String> TRUE_FALSE_OPTIONS = java.util.List.of("正确", "错误");

    private final String label;

    QuestionType(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
