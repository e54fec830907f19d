package cn.yunxi.kepu.points;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/me/points")
@Tag(name = "积分")
class PointsController {

    private final PointsService points;

    PointsController(PointsService points) {
        this.points = points;
    }

    @GetMapping
    @Operation(summary = "我的积分余额，以及今天各来源已得积分和上限")
    PointsBalance balance(@AuthenticationPrincipal CurrentUser user) {
        return points.balance(user.id());
    }

    @GetMapping("/history")
    @Operation(summary = "积分明细（新的在前）")
    PageResult<PointsEntry> history(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return points.history(user.id(), page);
    }
}
