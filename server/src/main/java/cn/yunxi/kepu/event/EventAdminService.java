package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.CommonErrors;
import cn.yunxi.kepu.common.web.FieldError;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.event.EventRequests.EventRequest;
import cn.yunxi.kepu.event.EventRequests.SessionRequest;
import cn.yunxi.kepu.event.EventViews.EventEditView;
import cn.yunxi.kepu.event.EventViews.EventSummaryView;
import cn.yunxi.kepu.event.EventViews.EventView;
import cn.yunxi.kepu.event.EventViews.SeatChangeView;
import cn.yunxi.kepu.indicator.IndicatorCatalogService;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.StaffRole;
import cn.yunxi.kepu.staff.UnitView;

/**
 * Staff side of events: create, edit, publish, cancel, finish. The district admin manages every event; unit
 * and town admins and organisers only their own unit's.
 */
@Service
class EventAdminService {

    private final EventMapper events;
    private final EventSessionMapper sessions;
    private final SignupMapper signups;
    private final EventCatalog catalog;
    private final EventViewFactory views;
    private final Seats seats;
    private final SeatWithdrawal withdrawal;
    private final Notices notices;
    private final AttendanceService attendance;
    private final StaffService staff;
    private final RegionService regions;
    private final IndicatorCatalogService indicators;
    private final EventOfficerService officers;
    private final EventScope scope;
    private final Clock clock;

    EventAdminService(EventMapper events, EventSessionMapper sessions, SignupMapper signups, EventCatalog catalog,
                      EventViewFactory views, Seats seats, SeatWithdrawal withdrawal, Notices notices, AttendanceService attendance,
                      StaffService staff, RegionService regions, IndicatorCatalogService indicators,
                      EventOfficerService officers, EventScope scope, Clock clock) {
        this.events = events;
        this.sessions = sessions;
        this.signups = signups;
        this.catalog = catalog;
        this.views = views;
        this.seats = seats;
        this.withdrawal = withdrawal;
        this.notices = notices;
        this.attendance = attendance;
        this.staff = staff;
        this.regions = regions;
        this.indicators = indicators;
        this.officers = officers;
        this.scope = scope;
        this.clock = clock;
    }

    /** The event, if the caller may manage it; someone else's event is "not found". */
    EventSnapshot owned(CurrentUser user, long eventId) {
        EventSnapshot snapshot = catalog.load(eventId);
        if (!StaffRole.isDistrictAdmin(user) && !Objects.equals(snapshot.event().getOrganiserUnitId(), user.unitId())) {
            throw new ApiException(EventErrors.EVENT_NOT_FOUND);
        }
        return snapshot;
    }

    @Transactional
    EventView create(CurrentUser user, EventRequest request) {
        long unitId = organiserUnit(user, request.organiserUnitId());
        List<SessionRequest> ordered = checked(user, request);
        LocalDateTime now = Times.now(clock);
        Event e = new Event();
        apply(e, request, ordered);
        e.setOrganiserUnitId(unitId);
        e.setCreatedBy(user.id());
        e.setStatus(EventStatus.DRAFT.name());
        e.setTaken(0);
        e.setCreatedAt(now);
        e.setUpdatedAt(now);
        events.insert(e);
        for (int i = 0; i < ordered.size(); i++) {
            sessions.insert(session(e.getId(), i + 1, ordered.get(i)));
        }
        officers.replaceOrganisers(e.getId(), request.organiserOfficerResidentIds());
        return views.forStaff(catalog.load(e.getId()));
    }

    /**
     * Whole edit. A capacity below the confirmed seats takes seats back from the most recently confirmed
     * ({@link SeatWithdrawal}), only when the request confirms it; a larger capacity promotes waitlisted people
     * (those whose seat was withdrawn first); a change of time or place notifies everyone signed up.
     */
    @Transactional
    EventEditView update(CurrentUser user, long eventId, EventRequest request) {
        EventSnapshot before = owned(user, eventId);
        Event locked = events.lock(eventId);
        EventStatus status = EventStatus.valueOf(locked.getStatus());
        if (status == EventStatus.CANCELLED || status == EventStatus.FINISHED) {
            throw new ApiException(EventErrors.EVENT_NOT_EDITABLE);
        }
        if (request.organiserUnitId() != null && !request.organiserUnitId().equals(locked.getOrganiserUnitId())) {
            organiserUnit(user, request.organiserUnitId());
            locked.setOrganiserUnitId(request.organiserUnitId());
        }
        List<SessionRequest> ordered = checked(user, request);
        int excess = SeatWithdrawal.excess(locked, request.capacity());
        if (excess > 0 && !Boolean.TRUE.equals(request.confirmSeatWithdrawal())) {
            throw new ApiException(EventErrors.SEAT_WITHDRAWAL_NOT_CONFIRMED, "已确认报名 " + locked.getTaken()
                    + " 人，名额改为 " + request.capacity() + " 将收回最近确认的 " + excess
                    + " 人的名额并通知他们；确认无误请勾选“确认收回名额”后再保存");
        }
        List<EventSession> existing = before.sessions();
        String oldSchedule = schedule(existing);
        String oldPlace = place(locked);
        apply(locked, request, ordered);
        // Seats go back before the new capacity is written: the CHECK taken <= capacity holds at every statement.
        SeatWithdrawal.Outcome withdrawn = withdrawal.withdraw(locked, request.capacity(),
                Boolean.TRUE.equals(locked.getWaitlistEnabled()));
        locked.setUpdatedAt(Times.now(clock));
        events.updateById(locked);
        replaceSessions(eventId, existing, ordered);
        officers.replaceOrganisers(eventId, request.organiserOfficerResidentIds());
        String newSchedule = schedule(sessions.ofEvent(eventId));
        int promoted = seats.fillFromWaitlist(events.selectById(eventId));
        if (status == EventStatus.PUBLISHED
                && (!oldSchedule.equals(newSchedule) || !oldPlace.equals(place(locked)))) {
            String version = Integer.toHexString((newSchedule + "|" + place(locked)).hashCode());
            for (Signup s : activeSignups(eventId)) {
                notices.changed(s, version);
            }
        }
        catalog.invalidate(eventId);
        return new EventEditView(views.forStaff(catalog.load(eventId)), new SeatChangeView(withdrawn.withdrawn(),
                withdrawn.waitlisted(), withdrawn.cancelled(), promoted));
    }

    @Transactional
    EventView publish(CurrentUser user, long eventId) {
        owned(user, eventId);
        if (events.transition(eventId, EventStatus.DRAFT.name(), EventStatus.PUBLISHED.name(), Times.now(clock)) != 1) {
            throw new ApiException(EventErrors.EVENT_NOT_DRAFT);
        }
        catalog.invalidate(eventId);
        return views.forStaff(catalog.load(eventId));
    }

    /** Cancels the event; every active signup ends and each participant is told. */
    @Transactional
    EventView cancel(CurrentUser user, long eventId) {
        owned(user, eventId);
        Event locked = events.lock(eventId);
        LocalDateTime now = Times.now(clock);
        if (EventStatus.FINISHED.name().equals(locked.getStatus())
                || EventStatus.CANCELLED.name().equals(locked.getStatus())
                || events.transition(eventId, locked.getStatus(), EventStatus.CANCELLED.name(), now) != 1) {
            throw new ApiException(EventErrors.EVENT_NOT_EDITABLE);
        }
        List<Signup> active = activeSignups(eventId);
        signups.cancelAll(eventId, now);
        active.forEach(notices::eventCancelled);
        catalog.invalidate(eventId);
        return views.forStaff(catalog.load(eventId));
    }

    /**
     * Ends the event once its last session is over: attendance not yet settled is settled now (a check-in with
     * no check-out and no end-of-session confirmation earns nothing). Before then the hours are not known.
     */
    @Transactional
    EventView finish(CurrentUser user, long eventId) {
        EventSnapshot event = owned(user, eventId);
        if (Times.now(clock).isBefore(event.lastEnd())) {
            throw new ApiException(EventErrors.EVENT_NOT_OVER);
        }
        if (events.transition(eventId, EventStatus.PUBLISHED.name(), EventStatus.FINISHED.name(), Times.now(clock)) != 1) {
            throw new ApiException(EventErrors.EVENT_NOT_PUBLISHED);
        }
        attendance.settleEvent(eventId);
        officers.creditOrganisers(catalog.load(eventId), Times.now(clock));
        catalog.invalidate(eventId);
        return views.forStaff(catalog.load(eventId));
    }

    EventView get(CurrentUser user, long eventId) {
        return views.forStaff(owned(user, eventId));
    }

    /**
     * Events the caller manages, newest first: by status, kind, organising unit (the district picks a town or a
     * department; everyone else only ever sees their own unit's) and words of the title or venue.
     */
    PageResult<EventSummaryView> list(CurrentUser user, EventFilter filter, PageQuery page) {
        boolean district = StaffRole.isDistrictAdmin(user);
        String keyword = filter.keyword() == null ? "" : filter.keyword().strip();
        LambdaQueryWrapper<Event> query = new LambdaQueryWrapper<Event>()
                .eq(filter.status() != null, Event::getStatus, filter.status() == null ? null : filter.status().name())
                .eq(filter.kind() != null, Event::getKind, filter.kind() == null ? null : filter.kind().name())
                .eq(!district, Event::getOrganiserUnitId, user.unitId())
                .eq(district && filter.unitId() != null, Event::getOrganiserUnitId, filter.unitId())
                .and(!keyword.isEmpty(), q -> q.like(Event::getTitle, keyword).or().like(Event::getVenueName, keyword))
                .orderByDesc(Event::getStartsAt).orderByDesc(Event::getId);
        Page<Event> result = events.selectPage(Page.of(page.pageOrDefault(), page.sizeOrDefault()), query);
        Map<Long, String> unitNames = staff.units().stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
        return PageResult.of(result.getRecords().stream()
                .map(e -> views.summary(e, unitNames.get(e.getOrganiserUnitId()))).toList(), result.getTotal(), page);
    }

    private List<Signup> activeSignups(long eventId) {
        return signups.selectList(new LambdaQueryWrapper<Signup>().eq(Signup::getEventId, eventId)
                .ne(Signup::getStatus, SignupStatus.CANCELLED.name()));
    }

    private long organiserUnit(CurrentUser user, Long requested) {
        if (StaffRole.isDistrictAdmin(user)) {
            if (requested == null) {
                throw new FormValidationException(List.of(new FieldError("organiserUnitId", "请选择主办单位")));
            }
            if (staff.unit(requested).isEmpty()) {
                throw new FormValidationException(List.of(new FieldError("organiserUnitId", "主办单位不存在")));
            }
            return requested;
        }
        if (requested != null && !requested.equals(user.unitId())) {
            throw new ApiException(CommonErrors.FORBIDDEN, "只能以本单位名义组织活动");
        }
        return user.unitId();
    }

    /** Cross-field checks the annotations cannot express; returns the sessions in time order. */
    private List<SessionRequest> checked(CurrentUser user, EventRequest r) {
        List<FieldError> errors = new ArrayList<>();
        List<SessionRequest> ordered = new ArrayList<>(r.sessions());
        ordered.sort(Comparator.comparing(SessionRequest::startsAt));
        for (int i = 0; i < ordered.size(); i++) {
            SessionRequest s = ordered.get(i);
            if (!s.endsAt().isAfter(s.startsAt())) {
                errors.add(new FieldError("sessions[" + i + "].endsAt", "场次结束时间须晚于开始时间"));
            } else if (Duration.between(s.startsAt(), s.endsAt()).toHours() >= 24) {
                errors.add(new FieldError("sessions[" + i + "].endsAt", "单个场次不能超过 24 小时"));
            }
            if (i > 0 && s.startsAt().isBefore(ordered.get(i - 1).endsAt())) {
                errors.add(new FieldError("sessions[" + i + "].startsAt", "场次时间不能重叠"));
            }
        }
        OffsetDateTime lastEnd = ordered.get(ordered.size() - 1).endsAt();
        if (!r.signupClosesAt().isAfter(r.signupOpensAt())) {
            errors.add(new FieldError("signupClosesAt", "报名截止时间须晚于报名开始时间"));
        }
        if (r.signupClosesAt().isAfter(lastEnd)) {
            errors.add(new FieldError("signupClosesAt", "报名截止时间不能晚于活动结束时间"));
        }
        if (r.cancelDeadline() != null && r.cancelDeadline().isAfter(lastEnd)) {
            errors.add(new FieldError("cancelDeadline", "取消截止时间不能晚于活动结束时间"));
        }
        if (r.minAge() != null && r.maxAge() != null && r.minAge() > r.maxAge()) {
            errors.add(new FieldError("minAge", "最小年龄不能大于最大年龄"));
        }
        if ((r.latitude() == null) != (r.longitude() == null)) {
            errors.add(new FieldError("latitude", "经纬度须同时填写"));
        }
        if (r.indicatorCodes() != null) {
            // Attendance counts toward these plan indicators: an unknown code would count toward nothing.
            for (String code : r.indicatorCodes()) {
                if (!indicators.exists(code)) {
                    errors.add(new FieldError("indicatorCodes", "纲要指标不存在：" + code));
                }
            }
        }
        errors.addAll(officers.check(r.organiserOfficerResidentIds()));
        if (r.eligibleRegions() != null) {
            for (String code : r.eligibleRegions()) {
                if (regions.find(code).isEmpty()) {
                    errors.add(new FieldError("eligibleRegions", "地区不存在：" + code));
                }
            }
            errors.addAll(scope.check(user, r.eligibleRegions()));
        }
        if (r.formFields() != null) {
            errors.addAll(SignupForms.checkDefinition(r.formFields()));
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        return ordered;
    }

    private void apply(Event e, EventRequest r, List<SessionRequest> ordered) {
        e.setKind(r.kind().name());
        e.setTitle(r.title().strip());
        e.setDescription(r.description());
        e.setVenueName(r.venueName().strip());
        e.setVenueAddress(r.venueAddress());
        e.setLatitude(r.latitude());
        e.setLongitude(r.longitude());
        e.setCheckinRadiusM(r.checkinRadiusM() == null ? 500 : r.checkinRadiusM());
        LocalDateTime firstStart = local(ordered.get(0).startsAt());
        e.setStartsAt(firstStart);
        e.setEndsAt(local(ordered.get(ordered.size() - 1).endsAt()));
        e.setSignupOpensAt(local(r.signupOpensAt()));
        e.setSignupClosesAt(local(r.signupClosesAt()));
        e.setCancelDeadline(r.cancelDeadline() == null ? firstStart : local(r.cancelDeadline()));
        e.setCapacity(r.capacity());
        e.setWaitlistEnabled(r.waitlistEnabled() == null || r.waitlistEnabled());
        e.setEligibleGroups(EventSnapshot.join(r.eligibleGroups()));
        e.setEligibleRegions(EventSnapshot.join(r.eligibleRegions()));
        e.setMinAge(r.minAge());
        e.setMaxAge(r.maxAge());
        e.setVolunteersOnly(Boolean.TRUE.equals(r.volunteersOnly()));
        e.setFormFields(r.formFields() == null || r.formFields().isEmpty() ? null
                : SignupForms.json().writeValueAsString(r.formFields()));
        e.setIndicatorCodes(EventSnapshot.join(r.indicatorCodes()));
        e.setTrainingHours(ordered.stream().map(EventAdminService::hours).reduce(BigDecimal.ZERO, BigDecimal::add));
        e.setMinAttendancePercent(r.minAttendancePercent() == null ? 60 : r.minAttendancePercent());
    }

    private void replaceSessions(long eventId, List<EventSession> existing, List<SessionRequest> ordered) {
        Map<Integer, EventSession> bySeq = existing.stream()
                .collect(Collectors.toMap(EventSession::getSeq, Function.identity()));
        for (int i = 0; i < ordered.size(); i++) {
            EventSession fresh = session(eventId, i + 1, ordered.get(i));
            EventSession old = bySeq.remove(i + 1);
            if (old == null) {
                sessions.insert(fresh);
            } else {
                fresh.setId(old.getId());
                sessions.updateById(fresh);
            }
        }
        for (EventSession gone : bySeq.values()) {
            try {
                sessions.deleteById(gone.getId());
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                throw new ApiException(EventErrors.INVALID_EVENT, "第 " + gone.getSeq() + " 场已有签到记录，不能删除");
            }
        }
    }

    private static EventSession session(long eventId, int seq, SessionRequest r) {
        EventSession s = new EventSession();
        s.setEventId(eventId);
        s.setSeq(seq);
        s.setStartsAt(local(r.startsAt()));
        s.setEndsAt(local(r.endsAt()));
        s.setHours(hours(r));
        return s;
    }

    /** Given hours, or the session's length rounded to the nearest half hour. */
    static BigDecimal hours(SessionRequest r) {
        if (r.hours() != null) {
            return r.hours().setScale(2, RoundingMode.HALF_UP);
        }
        long minutes = Duration.between(r.startsAt(), r.endsAt()).toMinutes();
        return BigDecimal.valueOf(Math.round(minutes / 30.0) * 5, 1).setScale(2, RoundingMode.HALF_UP);
    }

    private static String schedule(List<EventSession> list) {
        return list.stream().map(s -> s.getStartsAt() + "~" + s.getEndsAt()).collect(Collectors.joining(";"));
    }

    private static String place(Event e) {
        return e.getVenueName() + "|" + e.getVenueAddress() + "|" + plain(e.getLatitude()) + "|" + plain(e.getLongitude());
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    static LocalDateTime local(OffsetDateTime t) {
        return t.atZoneSameInstant(Zones.SHANGHAI).toLocalDateTime();
    }
}
