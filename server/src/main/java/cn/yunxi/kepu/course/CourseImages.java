package cn.yunxi.kepu.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.media.MediaInfo;
import cn.yunxi.kepu.media.MediaPurpose;
import cn.yunxi.kepu.media.MediaService;

/**
 * A step's picture is an uploaded image (a media key) or one of the drawings shipped with the server
 * ({@code art:<file>.svg}, under {@code classpath:course-art/}): the sample courses use those, so a fresh system
 * shows complete lessons without any upload, and staff may reuse them. Narration likewise is an uploaded recording
 * or a shipped one ({@code art:<file>.mp3}: the sample courses' synthesised narration), served the same way.
 */
@Component
class CourseImages {

    static final String ART_PREFIX = "art:";
    static final Pattern ART_FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}\\.svg");
    static final Pattern NARRATION_FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}\\.mp3");
    static final String ART_PATH = "/api/v1/course-art/";

    private final MediaService media;
    private final String publicBaseUrl;

    CourseImages(MediaService media, @Value("${kepu.media.public-base-url:}") String publicBaseUrl) {
        this.media = media;
        this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
    }

    /** Whether {@code file} names a shipped drawing. */
    static boolean artExists(String file) {
        return file != null && ART_FILE.matcher(file).matches() && new ClassPathResource("course-art/" + file).exists();
    }

    /** Whether {@code file} names a shipped recording. */
    static boolean narrationExists(String file) {
        return file != null && NARRATION_FILE.matcher(file).matches()
                && new ClassPathResource("course-art/" + file).exists();
    }

    /** The shipped drawings' file names, sorted. */
    static List<String> artFiles() {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:course-art/*.svg"))
                    .map(Resource::getFilename).filter(f -> f != null && ART_FILE.matcher(f).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String imageUrl(String image) {
        if (image == null) {
            return null;
        }
        if (image.startsWith(ART_PREFIX)) {
            return base() + ART_PATH + image.substring(ART_PREFIX.length());
        }
        return media.thumbnailUrl(image, 960);
    }

    String audioUrl(String key) {
        if (key == null) {
            return null;
        }
        if (key.startsWith(ART_PREFIX)) {
            return base() + ART_PATH + key.substring(ART_PREFIX.length());
        }
        return media.readUrl(key);
    }

    /** A shipped drawing, or an image staff uploaded for content; anything else is refused. */
    void checkImage(String image) {
        if (image == null) {
            return;
        }
        String value = image.strip();
        boolean ok = value.startsWith(ART_PREFIX) ? artExists(value.substring(ART_PREFIX.length()))
                : media.find(value).filter(i -> i.purpose() == MediaPurpose.CONTENT_IMAGE && i.isImage()).isPresent();
        if (!ok) {
            throw new ApiException(CourseErrors.COURSE_IMAGE_INVALID);
        }
    }

    void checkNarration(String key) {
        if (key == null || key.isBlank()) {
            return;
        }
        String value = key.strip();
        // a course copied from a sample keeps its shipped narration when saved again
        boolean ok = value.startsWith(ART_PREFIX) ? narrationExists(value.substring(ART_PREFIX.length()))
                : media.find(value).map(MediaInfo::purpose).filter(p -> p == MediaPurpose.CONTENT_AUDIO).isPresent();
        if (!ok) {
            throw new ApiException(CourseErrors.COURSE_AUDIO_INVALID);
        }
    }

    private String base() {
        if (!publicBaseUrl.isEmpty()) {
            return publicBaseUrl;
        }
        return RequestContextHolder.getRequestAttributes() == null ? ""
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
