package cn.yunxi.kepu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against real MariaDB and Redis and the HTTP-level WeChat fake.
 * Every integration test uses exactly this, so they all share one cached application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestEnginesInitializer.class)
@Import(TestClockConfig.class)
public @interface KepuIntegrationTest {
}
