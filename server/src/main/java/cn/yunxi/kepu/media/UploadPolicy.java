package cn.yunxi.kepu.media;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Everything {@code wx.uploadFile} needs: POST the file to {@code host} as multipart field {@code file}
 * ({@code name: 'file'}) with {@code formData} set to {@code fields}.
 */
public record UploadPolicy(String host, String key, Map<String, String> fields, OffsetDateTime expiresAt,
                           long maxBytes) {
}
