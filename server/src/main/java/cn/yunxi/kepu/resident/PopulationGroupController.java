package cn.yunxi.kepu.resident;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The population groups, for the staff console's audience and eligibility pickers. */
@RestController
@Tag(name = "工作人员与单位")
class PopulationGroupController {

    record GroupView(String code, String label) {
    }

    @GetMapping("/api/admin/v1/population-groups")
    @Operation(summary = "人群（纲要的重点人群及其他）")
    List<GroupView> groups() {
        return Arrays.stream(PopulationGroup.values()).map(g -> new GroupView(g.name(), g.label())).toList();
    }
}
