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
    /** The configured public address that feed links are built from (never the request's Host). */
    public static final String PUBLIC_BASE_URL = "https://kepu.yunxi.example";
    public static final String BOOTSTRAP_PASSWORD = random();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // The sample villages, articles and questions, shown: tests live in them (a resident of 陆城样例村1, the
        // daily quiz's bank). DemoDataHiddenIT runs the production setting.
        apply(context, TestEngines.get(), true);
    }

    /** These settings on {@code engines}, with sample material loaded and shown or hidden. */
    public static void apply(ConfigurableApplicationContext context, TestEngines.Engines engines,
                             boolean samplesVisible) {
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
                // No feature job (quiz sweeper, content scheduler, event notices and settling) runs on its own: a
                // test calls the job's bean when it means it to run, so no job wins a race against the test's call.
                // The retrier of incomplete event publications above still runs: it is delivery, not a job.
                "kepu.jobs.scheduled=false",
                "kepu.token.secret=" + random(),
                "kepu.data-key=" + random(),
                "kepu.bootstrap-admin.username=" + BOOTSTRAP_ADMIN,
                "kepu.bootstrap-admin.password=" + BOOTSTRAP_PASSWORD,
                "kepu.wechat.push.token=" + WechatPushes.TOKEN,
                "kepu.wechat.push.aes-key=" + WechatPushes.AES_KEY,
                "kepu.wechat.appid=" + WechatPushes.APPID,
                "kepu.content.public-base-url=" + PUBLIC_BASE_URL,
                "kepu.oss.callback-pub-key-hosts=gosspublic.alicdn.com," + OssCallbackKeys.host(),
                "kepu.oss.callback-pub-key-trust-store=" + OssCallbackKeys.trustStore(),
                "kepu.oss.callback-pub-key-trust-store-password=" + OssCallbackKeys.TRUST_STORE_PASSWORD,
                "kepu.demo-data.load=true",
                "kepu.demo-data.visible=" + samplesVisible
        ).applyTo(context);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
