package cn.yunxi.kepu.media;

import java.time.Duration;
import java.util.Optional;

/**
 * Where media bytes live. One port, two adapters: Aliyun OSS (private bucket, signed URLs or a CDN domain) and a
 * local directory served by this application. Keys are bucket-relative paths such as {@code r/12/avatar/20260101/x.jpg}.
 */
public interface MediaStorage {

    /** Stores bytes under {@code key}, replacing what was there. */
    void put(String key, byte[] bytes, String contentType);

    /** Size and type of a stored object, or empty when there is none. */
    Optional<StoredObject> stat(String key);

    default boolean exists(String key) {
        return stat(key).isPresent();
    }

    /**
     * A URL anyone holding it may read the object with, valid for {@code ttl} (a CDN URL does not expire).
     *
     * @param thumbnailWidth when not null and the object is an image, a URL of the image scaled to this width
     */
    String readUrl(String key, Duration ttl, Integer thumbnailWidth);

    void delete(String key);

    /**
     * Deletes every object under an owner's prefix ({@code r/<id>/} or {@code s/<id>/}), including uploads that were
     * never confirmed and so have no row; used when an account is deleted. Refuses anything that is not such a prefix,
     * so a bug can never empty the bucket.
     *
     * @return how many objects were deleted
     */
    int deleteAll(String ownerPrefix);

    /** A signed form for a direct browser/mini-program upload (OSS PostObject, V4 signature). */
    UploadPolicy uploadPolicy(UploadPolicyRequest request);

    /** What an object is, as the store reports it. */
    record StoredObject(String key, long size, String contentType) {
    }
}
