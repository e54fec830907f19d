package cn.yunxi.kepu.media;

import java.util.List;

/**
 * Why a file is uploaded; decides who may upload it, which types and sizes are accepted, and whether WeChat's
 * image check must pass before other residents see it.
 */
public enum MediaPurpose {
    /** A resident's avatar: shown to others, so checked by WeChat. */
    AVATAR("avatar", true, false, true, 5L << 20, Types.IMAGES),
    /** An image attached by a resident (comments, feedback): shown to others, so checked by WeChat. */
    RESIDENT_IMAGE("image", true, false, true, 10L << 20, Types.IMAGES),
    /** Covers and images in staff-written content (reviewed by staff before publication). */
    CONTENT_IMAGE("content-image", false, true, false, 10L << 20, Types.IMAGES),
    CONTENT_VIDEO("content-video", false, true, false, 2L << 30, List.of("video/mp4", "video/quicktime")),
    CONTENT_AUDIO("content-audio", false, true, false, 200L << 20,
            List.of("audio/mpeg", "audio/mp4", "audio/aac", "audio/x-m4a")),
    /**
     * Evidence staff attach to a manual figure or a quarterly report (certificates, photos, lists, minutes): seen
     * only by staff, so no WeChat check; documents as well as images.
     */
    EVIDENCE("evidence", false, true, false, 20L << 20, List.of("image/jpeg", "image/png", "image/webp",
            "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
    /** Files the server itself makes (event poster QR codes...). */
    GENERATED("generated", false, false, false, 20L << 20, List.of("image/png", "image/jpeg", "application/pdf"));

    private final String dir;
    private final boolean residents;
    private final boolean staff;
    private final boolean wechatCheck;
    private final long maxBytes;
    private final List<String> types;

    MediaPurpose(String dir, boolean residents, boolean staff, boolean wechatCheck, long maxBytes, List<String> types) {
        this.dir = dir;
        this.residents = residents;
        this.staff = staff;
        this.wechatCheck = wechatCheck;
        this.maxBytes = maxBytes;
        this.types = types;
    }

    public String dir() {
        return dir;
    }

    public boolean residentsMayUpload() {
        return residents;
    }

    public boolean staffMayUpload() {
        return staff;
    }

    public boolean needsWechatCheck() {
        return wechatCheck;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public List<String> types() {
        return types;
    }

    public boolean accepts(String contentType) {
        return contentType != null && types.contains(contentType.toLowerCase(java.util.Locale.ROOT).trim());
    }

    static MediaPurpose fromDir(String dir) {
        for (MediaPurpose purpose : values()) {
            if (purpose.dir.equals(dir)) {
                return purpose;
            }
        }
        return null;
    }

    private static final class Types {
        static final List<String> IMAGES = List.of("image/jpeg", "image/png", "image/webp", "image/gif");
    }
}
