package cn.yunxi.kepu.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.apidocs.ApiMediaTypes;
import cn.yunxi.kepu.common.security.PublicEndpoints;
import cn.yunxi.kepu.common.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The drawings and the sample narration shipped with the server, public like any picture or recording in a published
 * lesson (the mini-program's image component and audio player send no token). Only names of files that exist under
 * {@code course-art/} are served.
 */
@RestController
@Tag(name = "课程")
class CourseArtController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final MediaType MP3 = MediaType.parseMediaType("audio/mpeg");

    @GetMapping(CourseImages.ART_PATH + "{file}")
    @Operation(summary = "课程内置插图（SVG）与样例讲解录音（MP3）")
    @ApiResponse(responseCode = "200", description = "SVG 插图或 MP3 录音", content = {
            @Content(mediaType = ApiMediaTypes.SVG, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "audio/mpeg", schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<byte[]> art(@PathVariable String file) {
        boolean drawing = CourseImages.artExists(file);
        if (!drawing && !CourseImages.narrationExists(file)) {
            throw new ApiException(CourseErrors.ART_NOT_FOUND);
        }
        try (InputStream in = new ClassPathResource("course-art/" + file).getInputStream()) {
            return ResponseEntity.ok().contentType(drawing ? SVG : MP3).cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                    .body(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    static PublicEndpoints courseArtEndpoints() {
        return () -> List.of(CourseImages.ART_PATH + "*");
    }
}
