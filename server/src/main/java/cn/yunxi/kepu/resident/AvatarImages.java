package cn.yunxi.kepu.resident;

import java.util.Optional;

/**
 * What the profile needs to know about avatar images. Implemented by the media feature (which already depends on
 * this one), so residents stay free of a dependency on media.
 */
public interface AvatarImages {

    /** Whether {@code key} may become {@code residentId}'s avatar. */
    Check check(long residentId, String key);

    /** A short-lived URL of the avatar scaled for display, for its owner. */
    Optional<String> url(String key);

    enum Check {
        /** A confirmed image uploaded by this resident as an avatar (WeChat's check may still be running). */
        OK,
        /** Not a confirmed avatar upload of this resident (unknown key, someone else's, not an image...). */
        NOT_OWNED,
        /** WeChat's image check found it risky or sent it to review. */
        FLAGGED
    }
}
