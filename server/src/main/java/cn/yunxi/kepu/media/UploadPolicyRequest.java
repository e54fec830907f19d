package cn.yunxi.kepu.media;

import java.time.Instant;

/**
 * What a direct upload may do.
 *
 * @param key          the object key the client must use (the policy accepts exactly this key)
 * @param contentType  the declared type (the form's Content-Type field; the policy accepts exactly this type)
 * @param maxBytes     upper bound of the content-length range
 * @param expiresAt    when the policy stops being accepted
 * @param callbackUrl  OSS upload callback, or null
 */
public record UploadPolicyRequest(String key, String contentType, long maxBytes,
                                  Instant expiresAt, String callbackUrl) {
}
