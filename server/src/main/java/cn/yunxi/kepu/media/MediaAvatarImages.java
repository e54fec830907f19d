package cn.yunxi.kepu.media;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.resident.AvatarImages;

/** Avatars are {@link MediaPurpose#AVATAR} uploads, confirmed and owned by the resident who sets them. */
@Component
class MediaAvatarImages implements AvatarImages {

    /** Avatars are shown small; the thumbnail keeps the mini-program's pages light. */
    static final int AVATAR_WIDTH = 200;

    private final MediaService media;

    MediaAvatarImages(MediaService media) {
        this.media = media;
    }

    @Override
    public Check check(long residentId, String key) {
        Optional<MediaInfo> info = media.ownedBy(key, residentId)
                .filter(i -> i.purpose() == MediaPurpose.AVATAR && i.isImage());
        if (info.isEmpty()) {
            return Check.NOT_OWNED;
        }
        return info.get().flagged() ? Check.FLAGGED : Check.OK;
    }

    @Override
    public Optional<String> url(String key) {
        if (key == null || media.find(key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(media.thumbnailUrl(key, AVATAR_WIDTH));
    }
}
