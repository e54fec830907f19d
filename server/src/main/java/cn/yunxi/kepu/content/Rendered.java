package cn.yunxi.kepu.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A feed page or item rendered to JSON once: its UTF-8 bytes (written to the response as they are, so a cache hit
 * costs no serialising or encoding) and its entity tag.
 */
record Rendered(String etag, byte[] body) {

    static Rendered of(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Rendered("\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"", body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the form kept in Redis: the entity tag, a newline, the JSON. */
    static Rendered parse(String cached) {
        int nl = cached.indexOf('\n');
        return new Rendered(cached.substring(0, nl), cached.substring(nl + 1).getBytes(StandardCharsets.UTF_8));
    }

    String serialise() {
        return etag + "\n" + new String(body, StandardCharsets.UTF_8);
    }
}
