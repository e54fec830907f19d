package cn.yunxi.kepu.common.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A JSON answer rendered beforehand: its UTF-8 bytes, entity tag and caching rule, as a handler returns it. It means
 * exactly the {@link ResponseEntity} of {@link #toResponseEntity()}, and where the request allows
 * {@link PreRenderedJsonReturnValueHandler} writes it straight to the response instead of handing that entity to
 * Spring's message converters.
 *
 * @param status       200, or 304 when the handler found the caller's copy current
 * @param etag         the entity tag, quoted
 * @param cacheControl the Cache-Control of the answer
 * @param body         the JSON, null for a 304
 */
public record PreRenderedJson(HttpStatus status, String etag, CacheControl cacheControl, byte @Nullable [] body) {

    public static PreRenderedJson ok(String etag, CacheControl cacheControl, byte[] body) {
        return new PreRenderedJson(HttpStatus.OK, etag, cacheControl, body);
    }

    /** The entity Spring would be given for this answer. */
    public ResponseEntity<byte[]> toResponseEntity() {
        if (status != HttpStatus.OK) {
            return ResponseEntity.status(status).eTag(etag).cacheControl(cacheControl).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
