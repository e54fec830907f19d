package cn.yunxi.kepu.region;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.yunxi.kepu.common.apidocs.ApiMediaTypes;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin/v1/regions")
@Tag(name = "行政区划")
class RegionAdminController {

    private final RegionService regions;
    private final RegionImportService importer;

    RegionAdminController(RegionService regions, RegionImportService importer) {
        this.regions = regions;
        this.importer = importer;
    }

    /**
     * @param samplesShown whether residents and the plan's figures see the sample villages (sampleData=true)
     */
    @Schema(name = "RegionTreeForStaff")
    record TreeView(RegionNode tree, boolean samplesShown) {
    }

    @GetMapping
    @Operation(summary = "区划树（含样例村社区，sampleData=true；samplesShown 表示居民是否看得到样例）")
    TreeView tree() {
        return new TreeView(regions.staffTree(), regions.samplesShown());
    }

    @GetMapping("/import-template")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "下载村（社区）导入模板（.xlsx）")
    @ApiResponse(responseCode = "200", description = "Excel 模板", content = @Content(mediaType = ApiMediaTypes.XLSX,
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"region-import-template.xlsx\"")
                .body(importer.template());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "从 Excel 导入村（社区）及户籍人口：按代码新增或更新；任何一行有错误则全部不导入，逐行列出错误")
    RegionImportService.Report importVillages(@AuthenticationPrincipal CurrentUser user,
                                              @RequestPart("file") MultipartFile file) {
        try {
            return importer.importFrom(file.getInputStream(), user);
        } catch (IOException e) {
            throw new ApiException(RegionErrors.IMPORT_FILE_INVALID);
        }
    }
}
