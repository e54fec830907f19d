package cn.yunxi.kepu.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Files in a local directory, served by this application through signed, expiring URLs
 * ({@code /api/v1/media/local/files/<key>?e=<epoch seconds>&s=<signature>}). Uploads use the same V4 form as OSS,
 * posted to {@code /api/v1/media/local/upload}, which checks it as OSS would. Lets a newcomer upload without an
 * Aliyun account; not meant for more than one server instance.
 */
class LocalDiskMediaStorage implements MediaStorage {

    static final String UPLOAD_PATH = "/api/v1/media/local/upload";
    static final String FILES_PATH = "/api/v1/media/local/files/";

    private final Path root;
    private final byte[] secret;
    private final PostPolicyV4 signer;
    private final Clock clock;
    private final Supplier<String> baseUrl;

    LocalDiskMediaStorage(Path root, String secret, PostPolicyV4 signer, Clock clock, Supplier<String> baseUrl) {
        this.root = root.toAbsolutePath().normalize();
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.signer = signer;
        this.clock = clock;
        this.baseUrl = baseUrl;
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local media directory " + this.root, e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        Path file = resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".upload", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(typeFile(file), contentType == null ? "application/octet-stream" : contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Path type = typeFile(file);
            String contentType = Files.exists(type) ? Files.readString(type) : "application/octet-stream";
            return Optional.of(new StoredObject(key, Files.size(file), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String readUrl(String key, Duration ttl, Integer thumbnailWidth) {
        // No image processing locally: the original serves as its own thumbnail.
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return baseUrl.get() + FILES_PATH + encodePath(key) + "?e=" + expires + "&s=" + urlSignature(key, expires);
    }

    @Override
    public void delete(String key) {
        Path file = resolve(key);
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(typeFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int deleteAll(String ownerPrefix) {
        Path dir = resolve(MediaKeys.requireOwnerPrefix(ownerPrefix));
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        // Deepest paths first, so each directory is already empty when its turn comes.
        try (Stream<Path> walk = Files.walk(dir)) {
            int deleted = 0;
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".type")) {
                    deleted++;
                }
                Files.deleteIfExists(p);
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public UploadPolicy uploadPolicy(UploadPolicyRequest request) {
        Map<String, String> fields = signer.sign(request, null, clock.instant());
        return new UploadPolicy(baseUrl.get() + UPLOAD_PATH, request.key(), fields,
                cn.yunxi.kepu.common.time.Times.toOffset(java.time.LocalDateTime.ofInstant(request.expiresAt(),
                        cn.yunxi.kepu.common.time.Zones.SHANGHAI)), request.maxBytes());
    }

    /** Checks an upload form as OSS would; null when valid, else why not. */
    String verifyUpload(Map<String, String> form, long size) {
        return signer.verify(form, size, clock.instant());
    }

    /** True when a read URL's expiry and signature are good. */
    boolean verifyReadUrl(String key, long expires, String signature) {
        if (expires < clock.instant().getEpochSecond() || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(urlSignature(key, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    Path file(String key) {
        return resolve(key);
    }

    private String urlSignature(String key, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal((key + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path resolve(String key) {
        if (!MediaKeys.isWellFormed(key)) {
            throw new IllegalArgumentException("bad media key");
        }
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("bad media key");
        }
        return file;
    }

    private static Path typeFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".type");
    }

    private static String encodePath(String key) {
        StringBuilder out = new StringBuilder();
        for (String part : key.split("/")) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

}
