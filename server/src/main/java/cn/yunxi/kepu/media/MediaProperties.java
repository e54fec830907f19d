package cn.yunxi.kepu.media;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param localDir      where the local adapter keeps files
 * @param publicBaseUrl absolute base of this server as clients reach it (for local upload/read URLs and WeChat's
 *                      image check); blank = taken from the current request
 * @param policyTtl     how long an upload policy is accepted
 * @param readUrlTtl    how long signed read URLs stay valid
 * @param signingSecret HMAC secret of the local adapter's forms and URLs; blank = random per start
 */
@ConfigurationProperties("kepu.media")
record MediaProperties(String localDir, String publicBaseUrl, Duration policyTtl, Duration readUrlTtl,
                       String signingSecret) {

    MediaProperties {
        policyTtl = policyTtl == null ? Duration.ofMinutes(10) : policyTtl;
        readUrlTtl = readUrlTtl == null ? Duration.ofHours(2) : readUrlTtl;
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
    }

    /**
     * @param cdnDomain              e.g. https://media.example.cn — read URLs use it instead of signed bucket URLs
     * @param callbackUrl            OSS upload callback target (this server's /api/v1/media/oss-callback)
     * @param callbackPubKeyTrustStore a JKS/PKCS12 trust store (Spring resource location) for fetching the callback
     *                                 public key instead of the JVM's; unset in production
     * @param callbackPubKeyHosts    the hosts (optionally {@code host:port}) OSS's callback public keys may be fetched
     *                               from; Aliyun's is gosspublic.alicdn.com
     */
    @ConfigurationProperties("kepu.oss")
    record Oss(String endpoint, String bucket, String accessKeyId, String accessKeySecret, String region,
               String cdnDomain, String callbackUrl, List<String> callbackPubKeyHosts,
               String callbackPubKeyTrustStore, String callbackPubKeyTrustStorePassword) {

        Oss {
            callbackPubKeyHosts = callbackPubKeyHosts == null || callbackPubKeyHosts.isEmpty()
                    ? List.of("gosspublic.alicdn.com") : List.copyOf(callbackPubKeyHosts);
        }

        boolean configured() {
            return endpoint != null && !endpoint.isBlank();
        }
    }
}
