package cn.yunxi.kepu.event;

import java.util.Arrays;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.event.EventViews.EventIndicatorOption;
import cn.yunxi.kepu.event.EventViews.EventKindOption;
import cn.yunxi.kepu.event.EventViews.EventOptions;
import cn.yunxi.kepu.indicator.IndicatorCatalogService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The lists the console's event form offers: event kinds and the plan indicators attendance may count toward. */
@RestController
@RequestMapping("/api/admin/v1")
@Tag(name = "活动管理")
class EventOptionsController {

    private final IndicatorCatalogService indicators;

    EventOptionsController(IndicatorCatalogService indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/event-options")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER')")
    @Operation(summary = "活动类型与可标注的纲要指标（编号与名称）")
    EventOptions options() {
        return new EventOptions(
                Arrays.stream(EventKind.values()).map(k -> new EventKindOption(k, k.label())).toList(),
                indicators.names().entrySet().stream()
                        .map(e -> new EventIndicatorOption(e.getKey(), e.getValue())).toList());
    }
}
