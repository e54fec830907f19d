package cn.yunxi.kepu.media;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key layout: {@code <owner prefix>/<purpose dir>/<yyyyMMdd>/<random>.<ext>}, the owner prefix being
 * {@code r/<resident id>/} or {@code s/<staff id>/} (and {@code sys/} for generated files). The prefix is what an
 * upload policy allows and what a confirmation is checked against.
 */
final class MediaKeys {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,200}");
    private static final Pattern OWNER_PREFIX = Pattern.compile("(r|s)/\\d+/");
    private static final Pattern OWNED = Pattern.compile("(r|s)/(\\d+)/([a-z-]+)/\\d{8}/[A-Za-z0-9]{32}\\.[a-z0-9]{2,5}");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"), Map.entry("image/png", "png"), Map.entry("image/webp", "webp"),
            Map.entry("image/gif", "gif"), Map.entry("video/mp4", "mp4"), Map.entry("video/quicktime", "mov"),
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/mp4", "m4a"), Map.entry("audio/x-m4a", "m4a"),
            Map.entry("audio/aac", "aac"), Map.entry("application/pdf", "pdf"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"));

    private MediaKeys() {
    }

    static String ownerPrefix(MediaOwner owner) {
        return switch (owner.type()) {
            case RESIDENT -> "r/" + owner.id() + "/";
            case STAFF -> "s/" + owner.id() + "/";
            case SYSTEM -> "sys/";
        };
    }

    static String newKey(MediaOwner owner, MediaPurpose purpose, String contentType, LocalDate day) {
        String ext = EXTENSIONS.getOrDefault(contentType.toLowerCase(Locale.ROOT), "bin");
        return ownerPrefix(owner) + purpose.dir() + "/" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "/"
                + UUID.randomUUID().toString().replace("-", "") + "." + ext;
    }

    /** Guards bulk deletion: only a single resident's or staff member's prefix, never the bucket or {@code sys/}. */
    static String requireOwnerPrefix(String prefix) {
        if (prefix == null || !OWNER_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("not an owner prefix: " + prefix);
        }
        return prefix;
    }

    static boolean isWellFormed(String key) {
        return key != null && WELL_FORMED.matcher(key).matches() && !key.contains("..") && !key.contains("//");
    }

    /** The owner and purpose an uploaded key claims, or null when it is not an upload key at all. */
    static Parsed parse(String key) {
        if (key == null) {
            return null;
        }
        Matcher m = OWNED.matcher(key);
        if (!m.matches()) {
            return null;
        }
        MediaPurpose purpose = MediaPurpose.fromDir(m.group(3));
        if (purpose == null) {
            return null;
        }
        MediaOwner.Type type = "r".equals(m.group(1)) ? MediaOwner.Type.RESIDENT : MediaOwner.Type.STAFF;
        return new Parsed(new MediaOwner(type, Long.parseLong(m.group(2))), purpose);
    }

    record Parsed(MediaOwner owner, MediaPurpose purpose) {
    }
}
