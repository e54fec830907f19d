package cn.yunxi.kepu.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Aliyun's callback key host (gosspublic.alicdn.com) at the HTTP level: serves the PEM public key of a test RSA key
 * pair, and signs callbacks with its private key the way OSS does (MD5withRSA over
 * {@code urldecode(path) [+ "?" + query] + "\n" + body}, base64 in the {@code authorization} header, the key URL
 * base64 in {@code x-oss-pub-key-url}). The application under test allows this host (see
 * {@link TestEnginesInitializer}).
 */
public final class OssCallbackKeys {

    public static final String KEY_PATH = "/callback_pub_key_v1.pem";

    private static WireMockServer server;
    private static KeyPair keys;

    private OssCallbackKeys() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            server.stubFor(get(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/x-pem-file").withBody(pem)));
        }
        return server;
    }

    /** host:port as the application's allowed-hosts setting lists it. */
    public static String host() {
        return "127.0.0.1:" + server().port();
    }

    /** The {@code x-oss-pub-key-url} header: base64 of the key's URL. */
    public static String pubKeyUrlHeader() {
        return Base64.getEncoder().encodeToString(("http://" + host() + KEY_PATH).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code authorization} header OSS sends for a callback to {@code decodedPathAndQuery} with {@code body}. */
    public static String sign(String decodedPathAndQuery, String body) {
        server();
        try {
            Signature signer = Signature.getInstance("MD5withRSA");
            signer.initSign(keys.getPrivate());
            signer.update((decodedPathAndQuery + "\n" + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
