package cn.yunxi.kepu.common.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/** As configured in application.yml and its prod profile: sample material only on purpose, and shown only on purpose. */
class DemoDataSettingsTest {

    @Test
    void sampleMaterialIsNeitherLoadedNorShownUnlessAskedFor() throws IOException {
        assertThat(settings(false, Map.of())).isEqualTo(new DemoDataProperties(false, false));
        assertThat(settings(true, Map.of())).isEqualTo(new DemoDataProperties(false, false));
    }

    @Test
    void loadingTheDemoDataDoesNotShowIt() throws IOException {
        assertThat(settings(true, Map.of("KEPU_DEMO_DATA", "true"))).isEqualTo(new DemoDataProperties(true, false));
        assertThat(settings(true, Map.of("KEPU_DEMO_DATA", "true", "KEPU_DEMO_DATA_VISIBLE", "true")))
                .isEqualTo(new DemoDataProperties(true, true));
    }

    /** The settings the application binds, from its own YAML and {@code variables} as the only environment. */
    private static DemoDataProperties settings(boolean prod, Map<String, Object> variables) throws IOException {
        ConfigurableEnvironment environment = new AbstractEnvironment() { };
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        yaml.load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        if (prod) {
            yaml.load("application-prod", new ClassPathResource("application-prod.yml"))
                    .forEach(s -> environment.getPropertySources().addAfter("variables", s));
        }
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("kepu.demo-data", DemoDataProperties.class);
    }
}
