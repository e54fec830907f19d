package cn.yunxi.kepu.event;

/**
 * Port to object storage for the posters' mini-program codes. The media feature provides the adapter (OSS or
 * local disk); until one is present, generating a code answers POSTER_STORAGE_UNAVAILABLE.
 */
public interface PosterStorage {

    /** Stores (or overwrites) the object under {@code key}. */
    void put(String key, byte[] content, String contentType);

    /** Where clients can fetch the object. */
    String url(String key);
}
