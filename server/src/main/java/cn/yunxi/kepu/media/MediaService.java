package cn.yunxi.kepu.media;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.resident.ResidentOpenidService;
import cn.yunxi.kepu.wechat.MediaCheckCompleted;
import cn.yunxi.kepu.wechat.WechatContentSecurity;

/**
 * Uploads and reads for every feature: issues direct-upload policies, records uploads (OSS callback, client
 * confirmation or the local adapter's own upload endpoint), starts WeChat's image check for images residents show
 * to others, and hands out read URLs. Features keep media keys and ask here for URLs.
 */
@Service
public class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private final MediaStorage storage;
    private final MediaObjectMapper objects;
    private final MediaProperties properties;
    private final MediaProperties.Oss oss;
    private final Clock clock;
    private final WechatContentSecurity wechat;
    private final ResidentOpenidService openids;
    private final MediaUrls urls;
    private final UploadGrantRepository grants;

    MediaService(MediaStorage storage, MediaObjectMapper objects, MediaProperties properties, MediaProperties.Oss oss,
                 Clock clock, WechatContentSecurity wechat, ResidentOpenidService openids, MediaUrls urls,
                 UploadGrantRepository grants) {
        this.grants = grants;
        this.storage = storage;
        this.objects = objects;
        this.properties = properties;
        this.oss = oss;
        this.clock = clock;
        this.wechat = wechat;
        this.openids = openids;
        this.urls = urls;
    }

    /** A signed PostObject form for one upload by {@code user}; the key is under the user's own prefix. */
    public UploadPolicy issuePolicy(CurrentUser user, MediaPurpose purpose, String contentType, Long size) {
        boolean allowed = user.isResident() ? purpose.residentsMayUpload() : purpose.staffMayUpload();
        if (!allowed) {
            throw new ApiException(MediaErrors.MEDIA_PURPOSE_NOT_ALLOWED);
        }
        if (!purpose.accepts(contentType)) {
            throw new ApiException(MediaErrors.MEDIA_TYPE_NOT_ALLOWED,
                    "不支持该文件类型，允许：" + String.join("、", purpose.types()));
        }
        if (size != null && size > purpose.maxBytes()) {
            throw new ApiException(MediaErrors.MEDIA_TOO_LARGE,
                    "文件过大，最大允许 " + (purpose.maxBytes() >> 20) + " MB");
        }
        MediaOwner owner = MediaOwner.of(user);
        String type = contentType.toLowerCase(Locale.ROOT).trim();
        String key = MediaKeys.newKey(owner, purpose, type, Times.now(clock).toLocalDate());
        String callback = oss.configured() && oss.callbackUrl() != null && !oss.callbackUrl().isBlank()
                ? oss.callbackUrl() : null;
        java.time.Instant expires = clock.instant().plus(properties.policyTtl());
        grants.remember(new UploadGrantRepository.Grant(key, owner, purpose, type, 1, purpose.maxBytes()),
                LocalDateTime.ofInstant(expires, Zones.SHANGHAI), Times.now(clock));
        return storage.uploadPolicy(new UploadPolicyRequest(key, type,
                purpose.maxBytes(), expires, callback));
    }

    /** The grant of an issued key; a key never issued (or malformed) is refused, whatever object may be there. */
    private UploadGrantRepository.Grant issued(String key) {
        if (MediaKeys.parse(key) == null) {
            throw new ApiException(MediaErrors.MEDIA_KEY_INVALID);
        }
        return grants.find(key).orElseThrow(() -> new ApiException(MediaErrors.MEDIA_KEY_NOT_ISSUED));
    }

    /** The client says it uploaded {@code key}: it must be a key issued to the caller, and be there. */
    public MediaView confirm(CurrentUser user, String key) {
        UploadGrantRepository.Grant grant = issued(key);
        if (!grant.owner().equals(MediaOwner.of(user))) {
            throw new ApiException(MediaErrors.MEDIA_KEY_NOT_ISSUED);
        }
        MediaStorage.StoredObject stored = storage.stat(key)
                .orElseThrow(() -> new ApiException(MediaErrors.MEDIA_OBJECT_NOT_FOUND));
        return record(grant, stored.contentType(), stored.size());
    }

    /**
     * OSS's upload callback, signature already verified: form body {@code key, size, mimeType}. The body only names
     * the key and reports what arrived; owner, purpose and type come from the grant, and the size must be in its range.
     */
    MediaView recordFromCallback(String formBody) {
        Map<String, String> form = parseForm(formBody);
        UploadGrantRepository.Grant grant = issued(form.get("key"));
        long size;
        try {
            size = Long.parseLong(form.getOrDefault("size", "-1"));
        } catch (NumberFormatException e) {
            throw new ApiException(MediaErrors.MEDIA_KEY_INVALID);
        }
        return record(grant, form.get("mimeType"), size);
    }

    /** The local adapter's upload endpoint stored a file that passed the policy check. */
    MediaView recordLocalUpload(String key) {
        UploadGrantRepository.Grant grant = issued(key);
        MediaStorage.StoredObject stored = storage.stat(key)
                .orElseThrow(() -> new ApiException(MediaErrors.MEDIA_OBJECT_NOT_FOUND));
        return record(grant, stored.contentType(), stored.size());
    }

    private MediaView record(UploadGrantRepository.Grant grant, String contentType, long size) {
        String key = grant.key();
        MediaPurpose purpose = grant.purpose();
        if (!grant.allows(contentType, size)) {
            // The policy forbids this, so it came some other way: do not keep it.
            storage.delete(key);
            boolean typeOk = contentType != null && grant.contentType().equalsIgnoreCase(contentType.strip());
            throw new ApiException(typeOk ? MediaErrors.MEDIA_TOO_LARGE : MediaErrors.MEDIA_TYPE_NOT_ALLOWED);
        }
        boolean check = purpose.needsWechatCheck() && grant.owner().type() == MediaOwner.Type.RESIDENT;
        MediaObject object = new MediaObject();
        object.setObjectKey(key);
        object.setOwnerType(grant.owner().type().name());
        object.setOwnerId(grant.owner().id());
        object.setPurpose(purpose.name());
        object.setContentType(grant.contentType());
        object.setSizeBytes(size);
        object.setCheckStatus(check ? MediaObject.PENDING : MediaObject.NOT_REQUIRED);
        object.setCreatedAt(Times.now(clock));
        boolean fresh = objects.insertOnce(object) == 1;
        MediaObject stored = objects.findByKey(key);
        if (fresh && check) {
            startCheck(stored);
            stored = objects.findByKey(key);
        }
        return view(stored);
    }

    private void startCheck(MediaObject object) {
        Optional<String> openid = openids.openid(object.getOwnerId());
        try {
            String url = storage.readUrl(object.getObjectKey(), Duration.ofHours(1), null);
            String traceId = wechat.checkImageAsync(url, openid.orElse(null), WechatContentSecurity.SCENE_PROFILE);
            objects.setTrace(object.getId(), traceId);
            // WeChat's push may have overtaken us: apply a verdict that is already here.
            objects.applyStoredVerdict(object.getId(), Times.now(clock));
        } catch (ApiException e) {
            // Not shown to others until checked; a failed check keeps it private (the uploader still sees it).
            log.warn("mediaCheckAsync failed for media {}: {}", object.getId(), e.errorCode().name());
            objects.markCheckFailed(object.getId(), Times.now(clock));
        }
    }

    /**
     * WeChat's verdict on an image, matched by trace id. The verdict is stored first and applied second; recording a
     * trace id does it the other way round (store, then look for a verdict), so whichever comes second applies it.
     */
    @EventListener
    void onMediaCheck(MediaCheckCompleted verdict) {
        String status = switch (verdict.suggest()) {
            case "pass" -> MediaObject.PASS;
            case "risky" -> MediaObject.RISKY;
            default -> MediaObject.REVIEW;
        };
        LocalDateTime now = Times.now(clock);
        objects.storeVerdict(verdict.traceId(), status, verdict.label(), now);
        int updated = objects.applyVerdict(verdict.traceId(), status, verdict.label(), now);
        if (updated == 0) {
            log.info("wxa_media_check for a trace id not recorded yet or already decided; verdict kept");
        }
    }

    /** A recorded object, if any. */
    public Optional<MediaInfo> find(String key) {
        if (!MediaKeys.isWellFormed(key)) {
            return Optional.empty();
        }
        MediaObject object = objects.findByKey(key);
        if (object == null) {
            return Optional.empty();
        }
        MediaKeys.Parsed parsed = MediaKeys.parse(key);
        MediaOwner owner = object.getOwnerType().equals(MediaOwner.Type.SYSTEM.name()) ? MediaOwner.system()
                : new MediaOwner(MediaOwner.Type.valueOf(object.getOwnerType()), object.getOwnerId());
        return Optional.of(new MediaInfo(key, object.getContentType(), object.getSizeBytes(), owner,
                parsed == null ? MediaPurpose.valueOf(object.getPurpose()) : parsed.purpose(), object.publiclyVisible(),
                object.getCheckStatus()));
    }

    /** A recorded (confirmed) object uploaded by this resident, if {@code key} is one. */
    public Optional<MediaInfo> ownedBy(String key, long residentId) {
        return find(key).filter(info -> info.owner().type() == MediaOwner.Type.RESIDENT && info.owner().id() == residentId);
    }

    /**
     * A read URL of a recorded object as {@code viewer} may have it: their own uploads whatever WeChat's check says,
     * anyone else's only when publicly visible (no check needed, or the check passed). Empty otherwise, so an image
     * still being checked or found risky is not there for others.
     */
    public Optional<MediaView> viewFor(CurrentUser viewer, String key, Integer width) {
        if (!MediaKeys.isWellFormed(key)) {
            return Optional.empty();
        }
        MediaObject object = objects.findByKey(key);
        if (object == null) {
            return Optional.empty();
        }
        boolean own = MediaOwner.of(viewer).type().name().equals(object.getOwnerType())
                && object.getOwnerId() != null && object.getOwnerId() == viewer.id();
        if (!own && !object.publiclyVisible()) {
            return Optional.empty();
        }
        String url = width == null ? readUrl(key) : thumbnailUrl(key, width);
        return Optional.of(new MediaView(key, object.getContentType(), object.getSizeBytes(), object.getPurpose(),
                object.getCheckStatus(), url));
    }

    /** A read URL for {@code key}, valid for the configured read TTL (no visibility check: callers decide). */
    public String readUrl(String key) {
        return storage.readUrl(key, properties.readUrlTtl(), null);
    }

    public String readUrl(String key, Duration ttl) {
        return storage.readUrl(key, ttl, null);
    }

    /** An image URL scaled to {@code width} pixels (OSS image processing; the original on local disk). */
    public String thumbnailUrl(String key, int width) {
        return storage.readUrl(key, properties.readUrlTtl(), width);
    }

    /** Stores a file the server made (poster QR code...) and records it; returns its key. */
    public String storeGenerated(String name, byte[] bytes, String contentType) {
        if (!MediaPurpose.GENERATED.accepts(contentType) || bytes.length > MediaPurpose.GENERATED.maxBytes()) {
            throw new IllegalArgumentException("unsupported generated file");
        }
        String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        String key = "sys/" + MediaPurpose.GENERATED.dir() + "/" + safe;
        storage.put(key, bytes, contentType);
        MediaObject object = new MediaObject();
        object.setObjectKey(key);
        object.setOwnerType(MediaOwner.Type.SYSTEM.name());
        object.setPurpose(MediaPurpose.GENERATED.name());
        object.setContentType(contentType);
        object.setSizeBytes((long) bytes.length);
        object.setCheckStatus(MediaObject.NOT_REQUIRED);
        object.setCreatedAt(Times.now(clock));
        objects.insertOnce(object);
        return key;
    }

    MediaView view(MediaObject object) {
        return new MediaView(object.getObjectKey(), object.getContentType(), object.getSizeBytes(),
                object.getPurpose(), object.getCheckStatus(), readUrl(object.getObjectKey()));
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        if (body == null) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
