package cn.yunxi.kepu.support;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application under test at the test engines and the WeChat fake, with throw-away secrets. */
public class TestEnginesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The first district admin, created by the application's own bootstrap from these settings. */
    public static final String BOOTSTRAP_ADMIN = "district-admin";
    public static final String BOOTSTRAP_PASSWORD = random();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestEngines.Engines engines = TestEngines.get();
        TestPropertyValues.of(
                "spring.datasource.url=" + engines.jdbcUrl(),
                "spring.datasource.username=" + engines.user(),
                "spring.datasource.password=" + engines.password(),
                "spring.data.redis.url=" + engines.redisUrl(),
                "kepu.wechat.api-base-url=" + WeChatFake.baseUrl(),
                "kepu.wechat.timeout=8s",
                "kepu.wechat.max-retries=0",
                // A publication left incomplete (e.g. a deadlock while marking it complete) is retried soon.
                "kepu.events.resubmit-after=5s",
                "kepu.events.resubmit-interval=2s",
                "kepu.token.secret=" + random(),
                "kepu.data-key=" + random(),
                "kepu.bootstrap-admin.username=" + BOOTSTRAP_ADMIN,
                "kepu.bootstrap-admin.password=" + BOOTSTRAP_PASSWORD,
                "kepu.wechat.push.token=" + WechatPushes.TOKEN,
                "kepu.oss.callback-pub-key-hosts=gosspublic.alicdn.com," + OssCallbackKeys.host()
        ).applyTo(context);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
