package cn.yunxi.kepu.media;

import java.time.Instant;
import java.util.List;

/**
 * What a direct upload may do.
 *
 * @param key          the object key the client must use
 * @param keyPrefix    the caller's own prefix; the policy only accepts keys under it
 * @param contentType  the declared type (sent back as the form's Content-Type field)
 * @param allowedTypes types the policy accepts
 * @param maxBytes     upper bound of the content-length range
 * @param expiresAt    when the policy stops being accepted
 * @param callbackUrl  OSS upload callback, or null
 */
public record UploadPolicyRequest(String key, String keyPrefix, String contentType, List<String> allowedTypes,
                                  long maxBytes, Instant expiresAt, String callbackUrl) {
}
