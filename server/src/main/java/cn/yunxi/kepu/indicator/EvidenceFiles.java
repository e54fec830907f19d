package cn.yunxi.kepu.indicator;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.media.MediaInfo;
import cn.yunxi.kepu.media.MediaOwner;
import cn.yunxi.kepu.media.MediaService;

/**
 * The evidence attached to a manual figure or a quarterly report, as the people who check it open it. A key gets a
 * read link only when it is an upload recorded for the staff member who submitted it: otherwise anyone could name
 * someone else's file (a resident's photo still under WeChat's check) and have the reviewer's page sign a link to it.
 */
@Component
class EvidenceFiles {

    private final MediaService media;

    EvidenceFiles(MediaService media) {
        this.media = media;
    }

    /** {@code keys} as stored (newline-separated), each with a link when it is the submitter's own upload. */
    List<EvidenceFile> of(String keys, long submittedBy) {
        if (keys == null || keys.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keys.split("\n")).filter(k -> !k.isBlank()).map(key -> media.find(key)
                        .filter(info -> info.owner().equals(new MediaOwner(MediaOwner.Type.STAFF, submittedBy)))
                        .map(info -> file(info))
                        .orElse(new EvidenceFile(key, null, null, null)))
                .toList();
    }

    private EvidenceFile file(MediaInfo info) {
        return new EvidenceFile(info.key(), info.contentType(), info.size(), media.readUrl(info.key()));
    }

    /**
     * One piece of evidence.
     *
     * @param contentType null when the key is not an upload of the submitter's (then there is no link either)
     * @param url         a signed link to read the file, valid for a while; null when it cannot be opened
     */
    record EvidenceFile(String key, @Nullable String contentType, Long size, @Nullable String url) {
    }
}
