package cn.yunxi.kepu.media;

/**
 * A recorded upload.
 *
 * @param checkStatus NOT_REQUIRED, PENDING, PASS, REVIEW, RISKY or FAILED; others see the file only when
 *                    NOT_REQUIRED or PASS
 * @param url         a signed URL for the uploader to preview the file
 */
public record MediaView(String key, String contentType, long size, String purpose, String checkStatus, String url) {
}
