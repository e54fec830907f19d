package cn.yunxi.kepu;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.apache.ibatis.annotations.Mapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RestController;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

/**
 * The naming rule of docs/architecture.md (命名规则): a class's suffix says what it is. Each assertion lists the
 * classes that break it, so a failure names them.
 */
class NamingRulesTest {

    private static final List<Class<?>> CLASSES = scan();

    private static List<Class<?>> scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true; // interfaces (mappers) and nested types too
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*")));
        return scanner.findCandidateComponents("cn.yunxi.kepu").stream()
                .<Class<?>>map(d -> ClassUtils.resolveClassName(d.getBeanClassName(),
                        NamingRulesTest.class.getClassLoader()))
                .filter(c -> !c.getName().contains("$") && !c.getSimpleName().equals("package-info"))
                .filter(NamingRulesTest::isMainCode)
                .toList();
    }

    /** The application's classes, not the tests' helpers (which share the package names). */
    private static boolean isMainCode(Class<?> c) {
        return !c.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
    }

    private static List<String> violating(Predicate<Class<?>> applies, Predicate<Class<?>> holds) {
        return CLASSES.stream().filter(applies).filter(holds.negate()).map(Class::getName).toList();
    }

    private static Predicate<Class<?>> annotated(Class<? extends Annotation> annotation) {
        return c -> c.isAnnotationPresent(annotation);
    }

    private static Predicate<Class<?>> named(String suffix) {
        return c -> c.getSimpleName().endsWith(suffix);
    }

    private static boolean isMyBatisMapper(Class<?> c) {
        return c.isAnnotationPresent(Mapper.class) || BaseMapper.class.isAssignableFrom(c);
    }

    private static boolean holdsJdbc(Class<?> c) {
        return Arrays.stream(c.getDeclaredFields())
                .anyMatch(f -> f.getType() == JdbcTemplate.class || f.getType() == JdbcClient.class);
    }

    @Test
    void theScanFindsTheApplication() {
        assertThat(CLASSES).contains(KepuApplication.class);
        assertThat(CLASSES.stream().filter(NamingRulesTest::isMyBatisMapper)).isNotEmpty();
    }

    @Test
    void controllersAreRestControllersAndEndInController() {
        assertThat(violating(annotated(RestController.class), named("Controller"))).isEmpty();
        assertThat(violating(named("Controller"), annotated(RestController.class))).isEmpty();
    }

    @Test
    void applicationServicesAreServicesAndEndInService() {
        assertThat(violating(annotated(Service.class), named("Service"))).isEmpty();
        assertThat(violating(named("Service").and(c -> !c.isInterface()), annotated(Service.class))).isEmpty();
    }

    @Test
    void myBatisMappersEndInMapper() {
        assertThat(violating(NamingRulesTest::isMyBatisMapper, named("Mapper"))).isEmpty();
        assertThat(violating(named("Mapper"), NamingRulesTest::isMyBatisMapper)).isEmpty();
    }

    @Test
    void repositoriesEndInRepository() {
        assertThat(violating(annotated(Repository.class), named("Repository"))).isEmpty();
        assertThat(violating(named("Repository"), c -> c.isAnnotationPresent(Repository.class)
                || c.isAnnotationPresent(Component.class))).isEmpty();
    }

    @Test
    void jdbcHelpersAreRepositoriesOrBatchWriters() {
        assertThat(violating(annotated(Component.class).and(NamingRulesTest::holdsJdbc),
                named("Repository").or(named("BatchWriter")))).isEmpty();
        assertThat(violating(named("BatchWriter"), annotated(Component.class).and(NamingRulesTest::holdsJdbc)))
                .isEmpty();
    }

    @Test
    void viewFactoriesAreBeansAndViewsHoldersAreNot() {
        assertThat(violating(named("ViewFactory"), annotated(Component.class))).isEmpty();
        assertThat(violating(named("Views"), annotated(Component.class).or(annotated(Service.class)).negate()))
                .isEmpty();
    }

    @Test
    void noPackageReadsAsAJavaWord() {
        assertThat(CLASSES.stream().map(Class::getPackageName).distinct()
                .filter(p -> p.matches(".*\\.(base|impl|util|utils|helper|helpers|manager|misc)(\\..*)?")))
                .isEmpty();
    }
}
