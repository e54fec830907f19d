package cn.yunxi.kepu.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import cn.yunxi.kepu.KepuApplication;

/** prod takes everything from the environment and refuses to start, naming what is missing. */
class ProdProfileTest {

    @Test
    void refusesToStartWithoutItsSecrets() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(KepuApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                .properties("spring.main.banner-mode=off")
                .run())
                .satisfies(e -> assertThat(rootMessage(e))
                        .contains("missing required environment variables")
                        .contains("KEPU_DB_URL", "KEPU_REDIS_URL", "WX_APPID", "WX_SECRET", "OSS_ACCESS_KEY_SECRET",
                                "KEPU_TOKEN_SECRET", "KEPU_DATA_KEY", "KEPU_PUBLIC_BASE_URL"));
    }

    @Test
    void namesOnlyWhatIsMissing() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(KepuApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                .properties("spring.main.banner-mode=off",
                        "KEPU_DB_URL=jdbc:mysql://db.internal:3306/kepu", "KEPU_DB_USER=kepu", "KEPU_DB_PASSWORD=x",
                        "KEPU_REDIS_URL=redis://cache.internal:6379", "WX_APPID=wx0000", "WX_SECRET=s",
                        "OSS_ENDPOINT=oss-cn-hangzhou.aliyuncs.com", "OSS_BUCKET=b", "OSS_ACCESS_KEY_ID=i",
                        "OSS_REGION=cn-hangzhou", "KEPU_DATA_KEY=k")
                .run())
                .satisfies(e -> assertThat(rootMessage(e))
                        .contains("OSS_ACCESS_KEY_SECRET", "KEPU_TOKEN_SECRET")
                        .doesNotContain("KEPU_DB_URL", "WX_APPID"));
    }

    @Test
    void refusesAShortTokenSecret() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(KepuApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                .properties("spring.main.banner-mode=off",
                        "KEPU_DB_URL=jdbc:mysql://db.internal:3306/kepu", "KEPU_DB_USER=kepu", "KEPU_DB_PASSWORD=x",
                        "KEPU_REDIS_URL=redis://cache.internal:6379", "WX_APPID=wx0000", "WX_SECRET=s",
                        "OSS_ENDPOINT=oss-cn-hangzhou.aliyuncs.com", "OSS_BUCKET=b", "OSS_ACCESS_KEY_ID=i",
                        "OSS_ACCESS_KEY_SECRET=s", "OSS_REGION=cn-hangzhou", "KEPU_DATA_KEY=k",
                        "KEPU_PUBLIC_BASE_URL=https://kepu.example.gov.cn", "KEPU_TOKEN_SECRET=too-short")
                .run())
                .satisfies(e -> assertThat(rootMessage(e)).contains("KEPU_TOKEN_SECRET must be at least 32"));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
