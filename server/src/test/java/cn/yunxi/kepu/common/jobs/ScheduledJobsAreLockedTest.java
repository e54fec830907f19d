package cn.yunxi.kepu.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Every scheduled method of the application, found by scanning the classes (also those switched off by a property),
 * carries a lock of its own name: a job added without one would run once per instance.
 */
class ScheduledJobsAreLockedTest {

    @Test
    void everyScheduledMethodHoldsALockOfItsOwnName() throws Exception {
        List<Method> scheduled = scheduledMethods();
        assertThat(scheduled).as("the jobs found").hasSizeGreaterThanOrEqualTo(6);
        List<String> names = new ArrayList<>();
        for (Method method : scheduled) {
            SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
            assertThat(lock).as(method + " has @SchedulerLock").isNotNull();
            assertThat(lock.name()).as(method + "'s lock name").isNotBlank().hasSizeLessThanOrEqualTo(64);
            names.add(lock.name());
        }
        assertThat(names).as("one lock per job").doesNotHaveDuplicates();
    }

    static List<Method> scheduledMethods() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) ->
                reader.getAnnotationMetadata().hasAnnotatedMethods(Scheduled.class.getName()));
        List<Method> methods = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("cn.yunxi.kepu")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
            for (Method method : type.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }
}
