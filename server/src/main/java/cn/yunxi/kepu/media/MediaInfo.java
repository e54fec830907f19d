package cn.yunxi.kepu.media;

/**
 * What other features may know of a recorded object.
 *
 * @param publiclyVisible true when others may see it (no check needed, or WeChat's check passed)
 */
public record MediaInfo(String key, String contentType, long size, MediaOwner owner, MediaPurpose purpose,
                        boolean publiclyVisible) {

    public boolean isImage() {
        return contentType != null && contentType.startsWith("image/");
    }
}
