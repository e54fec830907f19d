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
    public static final String TRUST_STORE_PASSWORD = "changeit-" + Long.toHexString(System.nanoTime());
    private static java.nio.file.Path keyStore;

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
            // HTTPS only, as the verifier requires, with a certificate for localhost made here by the JDK's keytool;
            // the application trusts it through kepu.oss.callback-pub-key-trust-store (see TestEnginesInitializer).
            keyStore = selfSignedKeyStore();
            server = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                    .keystorePath(keyStore.toString()).keystoreType("PKCS12").keystorePassword(TRUST_STORE_PASSWORD)
                    .keyManagerPassword(TRUST_STORE_PASSWORD));
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

    /** The key store holding the stand-in's certificate, as a Spring resource location (the app's trust store). */
    public static String trustStore() {
        server();
        return keyStore.toUri().toString();
    }

    private static java.nio.file.Path selfSignedKeyStore() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kepu-oss-keys");
            java.nio.file.Path store = dir.resolve("oss-key-host.p12");
            String keytool = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "oss-key-host", "-keyalg", "RSA",
                    "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", TRUST_STORE_PASSWORD, "-keypass", TRUST_STORE_PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            store.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return store;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** host:port as the application's allowed-hosts setting lists it. */
    public static String host() {
        return "localhost:" + server().httpsPort();
    }

    /** The {@code x-oss-pub-key-url} header: base64 of the key's URL. */
    public static String pubKeyUrlHeader() {
        return Base64.getEncoder().encodeToString(("https://" + host() + KEY_PATH).getBytes(StandardCharsets.UTF_8));
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
