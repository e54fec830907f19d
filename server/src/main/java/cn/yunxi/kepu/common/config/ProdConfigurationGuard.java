package cn.yunxi.kepu.common.config;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In prod every setting comes from the environment and nothing has a made-up fallback. This runs before any
 * bean is created, so a missing secret stops the start with one message naming every missing variable instead
 * of a connection error deep in a stack trace.
 */
@Component
@Profile("prod")
class ProdConfigurationGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    static final List<String> REQUIRED = List.of(
            "KEPU_DB_URL", "KEPU_DB_USER", "KEPU_DB_PASSWORD", "KEPU_REDIS_URL",
            "WX_APPID", "WX_SECRET",
            "OSS_ENDPOINT", "OSS_BUCKET", "OSS_ACCESS_KEY_ID", "OSS_ACCESS_KEY_SECRET", "OSS_REGION",
            "KEPU_TOKEN_SECRET", "KEPU_DATA_KEY", "KEPU_PUBLIC_BASE_URL");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> missing = REQUIRED.stream()
                .filter(name -> {
                    String value = environment.getProperty(name);
                    return value == null || value.isBlank();
                })
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("prod profile: missing required environment variables: "
                    + String.join(", ", missing) + " (see deploy/kepu.env.example)");
        }
        String tokenSecret = environment.getProperty("KEPU_TOKEN_SECRET");
        if (tokenSecret.length() < 32) {
            throw new IllegalStateException("prod profile: KEPU_TOKEN_SECRET must be at least 32 characters");
        }
    }
}
