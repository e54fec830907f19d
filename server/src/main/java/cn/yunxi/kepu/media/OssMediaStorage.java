package cn.yunxi.kepu.media;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSErrorCode;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.DeleteObjectsRequest;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectMetadata;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import tools.jackson.databind.json.JsonMapper;

/**
 * A private Aliyun OSS bucket through the official SDK (V4 request signing). Reads go through pre-signed URLs or the
 * configured CDN domain; thumbnails use OSS image processing ({@code image/resize,w_<n>}). Upload forms are signed
 * by {@link PostPolicyV4} and carry an upload callback when one is configured.
 */
class OssMediaStorage implements MediaStorage {

    private final OSS client;
    private final MediaProperties.Oss config;
    private final PostPolicyV4 signer;
    private final Clock clock;
    private final JsonMapper json;
    private final String host;

    OssMediaStorage(MediaProperties.Oss config, Clock clock, JsonMapper json) {
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.signer = new PostPolicyV4(config.accessKeyId(), config.accessKeySecret(), config.region(), json);
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setConnectionTimeout(3000);
        conf.setSocketTimeout(30_000);
        conf.setMaxErrorRetry(1);
        this.client = OSSClientBuilder.create()
                .endpoint(config.endpoint())
                .credentialsProvider(new DefaultCredentialProvider(config.accessKeyId(), config.accessKeySecret()))
                .clientConfiguration(conf)
                .region(config.region())
                .build();
        this.host = uploadHost(config.endpoint(), config.bucket());
    }

    /** Virtual-hosted style for domain endpoints, path style for IP/localhost endpoints (as the SDK does). */
    static String uploadHost(String endpoint, String bucket) {
        String withScheme = endpoint.contains("://") ? endpoint : "https://" + endpoint;
        URI uri = URI.create(withScheme);
        String hostName = uri.getHost();
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        boolean ipOrLocal = hostName.equals("localhost") || hostName.matches("[0-9.]+");
        return ipOrLocal ? uri.getScheme() + "://" + hostName + port + "/" + bucket
                : uri.getScheme() + "://" + bucket + "." + hostName + port;
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentType(contentType);
        meta.setContentLength(bytes.length);
        client.putObject(config.bucket(), key, new ByteArrayInputStream(bytes), meta);
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        try {
            ObjectMetadata meta = client.getObjectMetadata(config.bucket(), key);
            return Optional.of(new StoredObject(key, meta.getContentLength(), meta.getContentType()));
        } catch (OSSException e) {
            if (OSSErrorCode.NO_SUCH_KEY.equals(e.getErrorCode()) || OSSErrorCode.NO_SUCH_BUCKET.equals(e.getErrorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public String readUrl(String key, Duration ttl, Integer thumbnailWidth) {
        String process = thumbnailWidth == null ? null : "image/resize,w_" + thumbnailWidth;
        if (config.cdnDomain() != null && !config.cdnDomain().isBlank()) {
            String base = config.cdnDomain().replaceAll("/+$", "") + "/" + key;
            return process == null ? base : base + "?x-oss-process=" + process;
        }
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(config.bucket(), key, HttpMethod.GET);
        request.setExpiration(Date.from(clock.instant().plus(ttl)));
        if (process != null) {
            request.setProcess(process);
        }
        return client.generatePresignedUrl(request).toString();
    }

    @Override
    public void delete(String key) {
        client.deleteObject(config.bucket(), key);
    }

    /** ListObjectsV2 page by page (at most 1000 keys each), each page removed with one DeleteMultipleObjects call. */
    @Override
    public int deleteAll(String ownerPrefix) {
        String prefix = MediaKeys.requireOwnerPrefix(ownerPrefix);
        int deleted = 0;
        String token = null;
        do {
            ListObjectsV2Request list = new ListObjectsV2Request(config.bucket(), prefix).withMaxKeys(1000);
            if (token != null) {
                list.setContinuationToken(token);
            }
            ListObjectsV2Result page = client.listObjectsV2(list);
            List<String> keys = page.getObjectSummaries().stream().map(OSSObjectSummary::getKey).toList();
            if (!keys.isEmpty()) {
                // Not quiet: OSS then names every deleted key, which is what we count.
                deleted += client.deleteObjects(new DeleteObjectsRequest(config.bucket()).withKeys(keys).withQuiet(false))
                        .getDeletedObjects().size();
            }
            token = page.isTruncated() ? page.getNextContinuationToken() : null;
        } while (token != null);
        return deleted;
    }

    @Override
    public UploadPolicy uploadPolicy(UploadPolicyRequest request) {
        Map<String, String> fields = new LinkedHashMap<>(signer.sign(request, config.bucket(), clock.instant()));
        if (request.callbackUrl() != null) {
            Map<String, String> callback = new LinkedHashMap<>();
            callback.put("callbackUrl", request.callbackUrl());
            callback.put("callbackBody", "key=${object}&size=${size}&mimeType=${mimeType}");
            callback.put("callbackBodyType", "application/x-www-form-urlencoded");
            fields.put("callback", Base64.getEncoder().encodeToString(
                    json.writeValueAsString(callback).getBytes(StandardCharsets.UTF_8)));
        }
        Instant expires = request.expiresAt();
        return new UploadPolicy(host, request.key(), fields,
                Times.toOffset(LocalDateTime.ofInstant(expires, Zones.SHANGHAI)), request.maxBytes());
    }

    void shutdown() {
        client.shutdown();
    }
}
