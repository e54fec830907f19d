package cn.yunxi.kepu.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Where the OSS callback's public key may come from: https on a configured host, nothing else. */
class OssCallbackVerifierTest {

    private final OssCallbackVerifier verifier = new OssCallbackVerifier(List.of("gosspublic.alicdn.com", "keys.test:8443"));

    @Test
    void onlyHttpsOnAConfiguredHost() {
        assertThat(verifier.allowedKeyUrl("https://gosspublic.alicdn.com/callback_pub_key_v1.pem")).isTrue();
        assertThat(verifier.allowedKeyUrl("https://keys.test:8443/k.pem")).isTrue();
        // plain http could have the key swapped in transit
        assertThat(verifier.allowedKeyUrl("http://gosspublic.alicdn.com/callback_pub_key_v1.pem")).isFalse();
        assertThat(verifier.allowedKeyUrl("http://keys.test:8443/k.pem")).isFalse();
        assertThat(verifier.allowedKeyUrl("https://keys.test/k.pem")).isFalse();
        assertThat(verifier.allowedKeyUrl("https://gosspublic.alicdn.com.evil.example/k.pem")).isFalse();
        assertThat(verifier.allowedKeyUrl("https://user@gosspublic.alicdn.com/k.pem")).isFalse();
        assertThat(verifier.allowedKeyUrl("ftp://gosspublic.alicdn.com/k.pem")).isFalse();
    }
}
