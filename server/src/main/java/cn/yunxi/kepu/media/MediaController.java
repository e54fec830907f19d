package cn.yunxi.kepu.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import cn.yunxi.kepu.common.apidocs.ApiMediaTypes;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.CommonErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@Tag(name = "媒体上传")
class MediaController {

    private final MediaService media;
    private final MediaStorage storage;
    private final OssCallbackVerifier callbacks;

    MediaController(MediaService media, MediaStorage storage, OssCallbackVerifier callbacks) {
        this.media = media;
        this.storage = storage;
        this.callbacks = callbacks;
    }

    @PostMapping("/api/v1/media/upload-policy")
    @Operation(summary = "获取直传凭证（wx.uploadFile 直传 OSS：PostObject V4 签名，10 分钟有效）")
    UploadPolicy residentPolicy(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody MediaRequests.Policy request) {
        return media.issuePolicy(user, request.purpose(), request.contentType(), request.size());
    }

    @PostMapping("/api/v1/media/confirm")
    @Operation(summary = "上传完成后确认（服务端核实文件存在、归属、类型和大小后登记）")
    MediaView residentConfirm(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody MediaRequests.Confirm request) {
        return media.confirm(user, request.key());
    }

    @GetMapping("/api/v1/media/url")
    @Operation(summary = "按文件标识取读取链接：本人上传的总能取到；他人上传、需微信检测的图片通过检测后才能取到")
    MediaView residentUrl(@AuthenticationPrincipal CurrentUser user, @RequestParam("key") String key,
                          @RequestParam(value = "width", required = false)
                          @Min(value = 16, message = "宽度至少 16") @Max(value = 2048, message = "宽度最多 2048") Integer width) {
        return media.viewFor(user, key, width).orElseThrow(() -> new ApiException(MediaErrors.MEDIA_OBJECT_NOT_FOUND));
    }

    @PostMapping("/api/admin/v1/media/upload-policy")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER')")
    @Operation(summary = "工作人员获取直传凭证（大视频同样直传 OSS）")
    UploadPolicy staffPolicy(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody MediaRequests.Policy request) {
        return media.issuePolicy(user, request.purpose(), request.contentType(), request.size());
    }

    @PostMapping("/api/admin/v1/media/confirm")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER')")
    @Operation(summary = "工作人员上传完成后确认")
    MediaView staffConfirm(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody MediaRequests.Confirm request) {
        return media.confirm(user, request.key());
    }

    @PostMapping(value = "/api/v1/media/oss-callback", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "OSS 上传回调（校验 OSS 的 RSA 签名）")
    MediaView ossCallback(HttpServletRequest request,
                          @RequestHeader(value = "authorization", required = false) String authorization,
                          @RequestHeader(value = "x-oss-pub-key-url", required = false) String pubKeyUrl) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(64 * 1024);
        }
        if (!callbacks.verify(authorization, pubKeyUrl, request.getRequestURI(), request.getQueryString(), body)) {
            throw new ApiException(MediaErrors.MEDIA_CALLBACK_REJECTED);
        }
        return media.recordFromCallback(new String(body, StandardCharsets.UTF_8));
    }

    @PostMapping(value = LocalDiskMediaStorage.UPLOAD_PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "本地存储模式的直传地址（与 OSS PostObject 表单相同）")
    MediaView localUpload(MultipartHttpServletRequest request, @RequestParam("file") MultipartFile file) throws IOException {
        if (!(storage instanceof LocalDiskMediaStorage local)) {
            throw new ApiException(CommonErrors.NOT_FOUND);
        }
        Map<String, String> form = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length > 0 ? values[0] : null));
        String problem = local.verifyUpload(form, file.getSize());
        if (problem != null) {
            if (problem.startsWith("size")) {
                throw new ApiException(MediaErrors.MEDIA_TOO_LARGE);
            }
            if (problem.startsWith("content type")) {
                throw new ApiException(MediaErrors.MEDIA_TYPE_NOT_ALLOWED);
            }
            throw new ApiException(MediaErrors.MEDIA_POLICY_INVALID);
        }
        String key = form.get("key");
        if (MediaKeys.parse(key) == null) {
            throw new ApiException(MediaErrors.MEDIA_KEY_INVALID);
        }
        local.put(key, file.getBytes(), form.get("Content-Type"));
        return media.recordLocalUpload(key);
    }

    @GetMapping(LocalDiskMediaStorage.FILES_PATH + "**")
    @Operation(summary = "本地存储模式的文件读取（带签名、会过期的链接）")
    @ApiResponse(responseCode = "200", description = "文件（上传时的类型）", content = @Content(mediaType = ApiMediaTypes.ANY,
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<Resource> localFile(HttpServletRequest request, @RequestParam("e") long expires,
                                       @RequestParam("s") String signature) {
        if (!(storage instanceof LocalDiskMediaStorage local)) {
            throw new ApiException(CommonErrors.NOT_FOUND);
        }
        String uri = java.net.URLDecoder.decode(request.getRequestURI(), StandardCharsets.UTF_8);
        String key = uri.substring(uri.indexOf(LocalDiskMediaStorage.FILES_PATH) + LocalDiskMediaStorage.FILES_PATH.length());
        if (!MediaKeys.isWellFormed(key) || !local.verifyReadUrl(key, expires, signature)) {
            throw new ApiException(MediaErrors.MEDIA_URL_INVALID);
        }
        MediaStorage.StoredObject stored = local.stat(key).orElseThrow(() -> new ApiException(CommonErrors.NOT_FOUND));
        Path file = local.file(key);
        if (!Files.isReadable(file)) {
            throw new ApiException(CommonErrors.NOT_FOUND);
        }
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(MediaType.parseMediaType(stored.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file));
    }
}
