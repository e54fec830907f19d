package cn.yunxi.kepu.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Grading locks attempts with a hand-mapped statement (MyBatis's automatic mapping of every column was most of
 * what locking a batch cost), while MyBatis maps the same entity everywhere else: the entity's fields are the one
 * list of columns, and the hand-mapped statement must name each of them, in field order.
 */
class AttemptColumnsTest {

    @Test
    void theLockingReadSelectsEveryFieldOfAnAttemptInOrder() {
        List<String> fields = Arrays.stream(Attempt.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .map(name -> name.replaceAll("([A-Z])", "_$1").toLowerCase())
                .toList();
        String select = QuizBatchWriter.LOCK_ALL;
        List<String> columns = Arrays.stream(select.substring("SELECT ".length(), select.indexOf(" FROM ")).split(","))
                .map(String::strip)
                .toList();
        assertThat(columns).isEqualTo(fields);
    }
}
