package cn.yunxi.kepu.event;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.event.EventViews.EventSummaryView;
import cn.yunxi.kepu.event.EventViews.EventView;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.UnitView;

/** What residents see: published events, upcoming first; drafts do not exist for them. */
@Service
class EventBrowseService {

    private final EventMapper events;
    private final EventCatalog catalog;
    private final EventViewFactory views;
    private final SignupService signups;
    private final StaffService staff;
    private final Clock clock;

    EventBrowseService(EventMapper events, EventCatalog catalog, EventViewFactory views, SignupService signups,
                       StaffService staff, Clock clock) {
        this.events = events;
        this.catalog = catalog;
        this.views = views;
        this.signups = signups;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * @param past false: published events that have not ended, soonest first; true: ended or finished ones,
     *             latest first
     */
    PageResult<EventSummaryView> list(EventKind kind, boolean past, PageQuery page) {
        LambdaQueryWrapper<Event> query = new LambdaQueryWrapper<Event>()
                .eq(kind != null, Event::getKind, kind == null ? null : kind.name());
        if (past) {
            query.in(Event::getStatus, EventStatus.PUBLISHED.name(), EventStatus.FINISHED.name())
                    .le(Event::getEndsAt, Times.now(clock)).orderByDesc(Event::getStartsAt);
        } else {
            query.eq(Event::getStatus, EventStatus.PUBLISHED.name())
                    .gt(Event::getEndsAt, Times.now(clock)).orderByAsc(Event::getStartsAt);
        }
        query.orderByAsc(Event::getId);
        Page<Event> result = events.selectPage(Page.of(page.pageOrDefault(), page.sizeOrDefault()), query);
        Map<Long, String> units = staff.units().stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
        return PageResult.of(result.getRecords().stream()
                .map(e -> views.summary(e, units.get(e.getOrganiserUnitId()))).toList(), result.getTotal(), page);
    }

    EventView detail(long residentId, long eventId) {
        EventSnapshot event = catalog.recent(eventId);
        if (event.status() == EventStatus.DRAFT) {
            throw new ApiException(EventErrors.EVENT_NOT_FOUND);
        }
        return views.view(event, signups.mySignup(residentId, eventId));
    }
}
