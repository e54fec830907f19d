package cn.yunxi.kepu.region;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import cn.yunxi.kepu.common.security.PublicEndpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "行政区划")
class RegionController {

    private final RegionService regions;

    RegionController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping("/api/v1/regions")
    @Operation(summary = "云溪区 → 镇/街道 → 村/社区 的区划树（sampleData=true 的为样例数据）")
    ResponseEntity<RegionNode> tree(WebRequest request) {
        String etag = "\"" + regions.version() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic())
                .body(regions.tree());
    }

    @Bean
    static PublicEndpoints regionEndpoints() {
        return () -> List.of("/api/v1/regions");
    }
}
