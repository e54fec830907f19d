package cn.yunxi.kepu.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** What the shipped deployment files must (not) let through to the server. */
class DeployFilesTest {

    static String read(String path) throws IOException {
        Path file = Path.of("..", path);
        if (!Files.exists(file)) {
            file = Path.of(path);
        }
        return Files.readString(file);
    }

    /** The body of nginx's {@code location / { ... }} block. */
    static String mainLocation(String conf) {
        Matcher m = Pattern.compile("location / \\{(.*?)\\n    }", Pattern.DOTALL).matcher(conf);
        assertThat(m.find()).as("location / in kepu.conf").isTrue();
        return m.group(1);
    }

    @Test
    void nginxNeverForwardsAClientsForwardedHost() throws IOException {
        String location = mainLocation(read("deploy/nginx/kepu.conf"));
        // nginx passes every client header on unless it is set here; an empty value drops it.
        assertThat(location).containsPattern("proxy_set_header\\s+X-Forwarded-Host\\s+\"\";");
    }

    @Test
    void nginxServesNothingUnderActuator() throws IOException {
        String conf = read("deploy/nginx/kepu.conf");
        assertThat(conf).containsPattern("location /actuator/ \\{\\s*return 404;");
        assertThat(conf).doesNotContain("8081");
    }

    /** The Service routes the API port only; health and metrics are on the management port. */
    @Test
    void kubernetesNeverExposesTheManagementPort() throws IOException {
        String manifest = read("deploy/k8s/kepu.yaml");
        String service = manifest.substring(manifest.indexOf("kind: Service"));
        service = service.substring(0, service.contains("---") ? service.indexOf("---") : service.length());
        assertThat(service).contains("targetPort: 8080").doesNotContain("8081").doesNotContain("management");
        assertThat(manifest).contains("prometheus.io/port: \"8081\"")
                .containsPattern("readinessProbe:\\s*httpGet: \\{ path: /actuator/health/readiness, port: management }");
    }
}
