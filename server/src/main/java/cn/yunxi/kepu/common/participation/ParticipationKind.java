package cn.yunxi.kepu.common.participation;

/** The kinds of participation the plan's indicators and the dashboard count. */
public enum ParticipationKind {
    /** Attended an event or training session long enough for it to count (hours credited). */
    EVENT_ATTENDANCE,
    /** Finished a 基准-format self-test (passed or not). */
    SELF_TEST,
    /** Took a daily quiz, practice run or contest. */
    QUIZ,
    /** Completed reading/watching a content item. */
    CONTENT_READ,
    /** A science information officer shared content or ran an activity. */
    OFFICER_ACTIVITY,
    /** Checked in on site at a science base. */
    BASE_VISIT,
    /** Finished a lesson of a step-by-step course (智慧助老) in the mini-program. */
    COURSE_LESSON
}
