package cn.yunxi.kepu.media;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.context.annotation.Configuration;

import cn.yunxi.kepu.common.security.PublicEndpoints;
import tools.jackson.databind.json.JsonMapper;

/** Picks the adapter: Aliyun OSS when {@code kepu.oss.endpoint} is set, the local directory otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MediaProperties.class, MediaProperties.Oss.class})
class MediaConfig {

    private static final Logger log = LoggerFactory.getLogger(MediaConfig.class);

    @Bean
    MediaUrls mediaUrls(MediaProperties properties, @Value("${server.port:8080}") int port) {
        return new MediaUrls(properties.publicBaseUrl(), "http://localhost:" + port);
    }

    @Bean(destroyMethod = "")
    MediaStorage mediaStorage(MediaProperties properties, MediaProperties.Oss oss, Clock clock, JsonMapper json,
                              MediaUrls urls, @Value("${kepu.local.home:}") String localHome) {
        if (oss.configured()) {
            log.info("Media storage: Aliyun OSS bucket {}", oss.bucket());
            return new OssMediaStorage(oss, clock, json);
        }
        String dir = properties.localDir();
        if (dir == null || dir.isBlank()) {
            dir = localHome == null || localHome.isBlank()
                    ? Path.of(System.getProperty("java.io.tmpdir"), "kepu-media").toString()
                    : Path.of(localHome, "media").toString();
        }
        String secret = properties.signingSecret();
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
        }
        log.info("Media storage: local directory {}", dir);
        PostPolicyV4 signer = new PostPolicyV4("local", secret, "local", json);
        return new LocalDiskMediaStorage(Path.of(dir), secret, signer, clock, urls::base);
    }

    @Bean
    OssCallbackVerifier ossCallbackVerifier(MediaProperties.Oss oss, ResourceLoader resources)
            throws java.io.IOException, java.security.GeneralSecurityException {
        String store = oss.callbackPubKeyTrustStore();
        if (store == null || store.isBlank()) {
            return new OssCallbackVerifier(oss.callbackPubKeyHosts());
        }
        // A trust store of its own (a test's HTTPS stand-in for Aliyun's key host); production uses the JVM's.
        char[] password = oss.callbackPubKeyTrustStorePassword() == null ? new char[0]
                : oss.callbackPubKeyTrustStorePassword().toCharArray();
        java.security.KeyStore trusted = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        try (java.io.InputStream in = resources.getResource(store).getInputStream()) {
            trusted.load(in, password);
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory
                .getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return new OssCallbackVerifier(oss.callbackPubKeyHosts(), java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(3)).sslContext(ssl).build());
    }

    @Bean
    PublicEndpoints mediaPublicEndpoints() {
        // The upload form's own signature authorises a local upload; signed URLs authorise reads; OSS's RSA
        // signature authorises its callback.
        return () -> List.of("/api/v1/media/local/**", "/api/v1/media/oss-callback");
    }
}
