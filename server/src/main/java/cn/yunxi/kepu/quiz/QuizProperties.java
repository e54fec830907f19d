package cn.yunxi.kepu.quiz;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kepu.quiz.*}.
 *
 * @param submitGrace        answers arriving this long after the deadline still count (network latency)
 * @param dailyPointsPerCorrect  DAILY_QUIZ points per correct answer (capped per day by the points feature)
 * @param contestJoinPoints  CONTEST points for taking part in a contest (once per contest)
 * @param contestPassPoints  CONTEST points for passing a contest (once per contest)
 */
@ConfigurationProperties("kepu.quiz")
record QuizProperties(Duration submitGrace, Integer dailyPointsPerCorrect, Integer contestJoinPoints,
                      Integer contestPassPoints) {

    QuizProperties {
        submitGrace = submitGrace == null ? Duration.ofSeconds(10) : submitGrace;
        dailyPointsPerCorrect = dailyPointsPerCorrect == null ? 2 : dailyPointsPerCorrect;
        contestJoinPoints = contestJoinPoints == null ? 5 : contestJoinPoints;
        contestPassPoints = contestPassPoints == null ? 15 : contestPassPoints;
    }
}
