package cn.yunxi.kepu.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an OSS upload callback as Aliyun documents it: the {@code authorization} header is base64 of an
 * MD5withRSA signature over {@code urldecode(path) [+ "?" + query] + "\n" + body}, made with the key whose URL is
 * base64-encoded in {@code x-oss-pub-key-url}. That URL must be https on one of the allowed hosts (Aliyun's
 * gosspublic.alicdn.com; {@code host:port} entries allow a non-default port), otherwise anyone could sign with their
 * own key, or swap the key in transit over plain http. Keys are cached per URL.
 */
class OssCallbackVerifier {

    private static final Logger log = LoggerFactory.getLogger(OssCallbackVerifier.class);

    private final Set<String> allowedHosts;
    private final HttpClient http;
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    OssCallbackVerifier(List<String> allowedHosts) {
        this(allowedHosts, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
    }

    /** With the client that fetches the keys (its TLS trust is what authenticates the key host). */
    OssCallbackVerifier(List<String> allowedHosts, HttpClient http) {
        this.http = http;
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Only https URLs on an allowed host; a port must be listed with the host. No user info, no tricks. */
    boolean allowedKeyUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return false;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return allowedHosts.contains(uri.getPort() == -1 ? host : host + ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    boolean verify(String authorization, String pubKeyUrlBase64, String path, String query, byte[] body) {
        if (authorization == null || pubKeyUrlBase64 == null || path == null) {
            return false;
        }
        try {
            String pubKeyUrl = new String(Base64.getDecoder().decode(pubKeyUrlBase64.trim()), StandardCharsets.UTF_8);
            if (!allowedKeyUrl(pubKeyUrl)) {
                log.warn("OSS callback rejected: public key URL outside the allowed hosts");
                return false;
            }
            PublicKey key = keys.computeIfAbsent(pubKeyUrl, this::fetch);
            String decodedPath = URLDecoder.decode(path, StandardCharsets.UTF_8);
            String head = query == null || query.isEmpty() ? decodedPath : decodedPath + "?" + query;
            byte[] headBytes = (head + "\n").getBytes(StandardCharsets.UTF_8);
            Signature signature = Signature.getInstance("MD5withRSA");
            signature.initVerify(key);
            signature.update(headBytes);
            signature.update(body == null ? new byte[0] : body);
            return signature.verify(Base64.getDecoder().decode(authorization.trim()));
        } catch (IllegalArgumentException | GeneralSecurityException | IllegalStateException e) {
            log.warn("OSS callback rejected: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private PublicKey fetch(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("public key fetch answered " + response.statusCode());
            }
            String pem = response.body().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot fetch the OSS callback public key", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
