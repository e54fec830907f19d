package cn.yunxi.kepu.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A batch of submissions reads its quizzes with a hand-mapped statement, while MyBatis maps the same entity everywhere
 * else: the entity's fields are the one list of columns, and the hand-mapped statement must name each of them, in
 * field order ({@code QuizIT} compares a quiz read both ways).
 */
class QuizColumnsTest {

    @Test
    void theBatchReadSelectsEveryFieldOfAQuizInOrder() {
        List<String> fields = Arrays.stream(Quiz.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .map(name -> name.replaceAll("([A-Z])", "_$1").toLowerCase())
                .toList();
        String select = QuizRowRepository.BY_IDS;
        List<String> columns = Arrays.stream(select.substring("SELECT ".length(), select.indexOf(" FROM ")).split(","))
                .map(String::strip)
                .toList();
        assertThat(columns).isEqualTo(fields);
    }
}
