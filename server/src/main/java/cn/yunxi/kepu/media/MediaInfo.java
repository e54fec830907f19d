package cn.yunxi.kepu.media;

/**
 * What other features may know of a recorded object.
 *
 * @param publiclyVisible true when others may see it (no check needed, or WeChat's check passed)
 * @param checkStatus     WeChat's image check: NOT_REQUIRED, PENDING, PASS, REVIEW, RISKY or FAILED
 */
public record MediaInfo(String key, String contentType, long size, MediaOwner owner, MediaPurpose purpose,
                        boolean publiclyVisible, String checkStatus) {

    /** WeChat's image check found it risky (or sent it to manual review): not fit to show to others. */
    public boolean flagged() {
        return "RISKY".equals(checkStatus) || "REVIEW".equals(checkStatus);
    }

    public boolean isImage() {
        return contentType != null && contentType.startsWith("image/");
    }
}
