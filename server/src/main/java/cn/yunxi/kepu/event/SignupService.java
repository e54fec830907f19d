package cn.yunxi.kepu.event;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.security.SubjectType;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.event.EventRequests.ProxySignupRequest;
import cn.yunxi.kepu.event.EventRequests.SignupRequest;
import cn.yunxi.kepu.event.EventViews.SignupView;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.PopulationGroup;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signups. A seat is taken by one conditional update of the event row ({@code taken < capacity}); one active
 * signup per person and event is a unique key. Everything that moves seats locks the event row first, so the
 * signup id (AUTO_INCREMENT, assigned while the lock is held) is the arrival order the waitlist follows.
 * The lock is held for as few statements as possible (seat, insert, commit); anything else (reminders, the
 * waitlist position) happens outside it.
 */
@Service
class SignupService {

    private final EventMapper events;
    private final SignupMapper signups;
    private final EventCatalog catalog;
    private final Seats seats;
    private final SeatAllocator allocator;
    private final Notices notices;
    private final TicketSigner tickets;
    private final ResidentService residents;
    private final RegionService regions;
    private final PersonalDataCipher cipher;
    private final ObjectProvider<VolunteerRoster> volunteers;
    private final Clock clock;
    private final AttendanceMapper attendanceRows;

    SignupService(EventMapper events, SignupMapper signups, EventCatalog catalog, Seats seats, SeatAllocator allocator, Notices notices,
                  TicketSigner tickets, ResidentService residents, RegionService regions, PersonalDataCipher cipher,
                  ObjectProvider<VolunteerRoster> volunteers, Clock clock, AttendanceMapper attendanceRows) {
        this.attendanceRows = attendanceRows;
        this.events = events;
        this.signups = signups;
        this.catalog = catalog;
        this.seats = seats;
        this.allocator = allocator;
        this.notices = notices;
        this.tickets = tickets;
        this.residents = residents;
        this.regions = regions;
        this.cipher = cipher;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    /** A resident signs themselves up. Not one transaction: the seat is decided in a batch by {@link SeatAllocator}. */
    SignupView signup(CurrentUser user, long eventId, SignupRequest request) {
        LocalDateTime now = Times.now(clock);
        EventSnapshot event = catalog.recent(eventId);
        requireOpen(event, now, false);
        // Not in a transaction here: concurrent signups share one resident query.
        ResidentSummary me = residents.findShared(user.id()).filter(ResidentSummary::active)
                .orElseThrow(() -> new ApiException(EventErrors.NOT_ELIGIBLE, "账号状态异常，无法报名"));
        checkEligible(event, me.populationGroup(), me.regionCode(), me.birthYear(), "请在“我的”中");
        if (Boolean.TRUE.equals(event.event().getVolunteersOnly()) && !isVolunteer(me.id())) {
            throw new ApiException(EventErrors.NOT_A_VOLUNTEER);
        }
        ObjectNode answers = SignupForms.validateAnswers(event.formFields(), request == null ? null : request.form());
        Signup s = new Signup();
        s.setEventId(eventId);
        s.setPersonKey(ParticipationRecorded.residentKey(me.id()));
        s.setResidentId(me.id());
        s.setProxy(false);
        s.setRegionCode(me.regionCode());
        s.setPopulationGroup(me.populationGroup() == null ? null : me.populationGroup().name());
        s.setFormAnswers(sealAnswers(answers));
        SignupView placed = place(event, s, now);
        if (request != null) {
            notices.grantQuota(me.id(), request.subscribedTemplates());
        }
        return placed;
    }

    /**
     * Refuses a resident's signup that cannot succeed whatever its form says: the event is unknown, not open
     * for signups, or known to be full without a waitlist. Called before the request body is read, so a crowd
     * arriving at a full event costs no form parsing or validation (see {@link SignupRefusalFilter}).
     */
    void refuseEarly(long eventId) {
        requireOpen(catalog.recent(eventId), Times.now(clock), false);
    }

    /**
     * 代报名 by a resident (family member, village cadre) or a staff member (organiser). The participant is checked
     * against the event's conditions on what the proxier declares, and is counted by phone (a person of their own,
     * never attached to the account that has bound that phone: only that account can take it over, by claiming).
     * A resident may sign up at most {@link #PROXY_PER_EVENT} people for one event (and 30 a day, at the controller).
     */
    SignupView proxySignup(CurrentUser actor, long eventId, ProxySignupRequest request) {
        LocalDateTime now = Times.now(clock);
        EventSnapshot event = catalog.recent(eventId);
        boolean staff = actor.type() == SubjectType.STAFF;
        requireOpen(event, now, staff);
        String region = request.regionCode() != null && regions.find(request.regionCode()).isPresent()
                ? request.regionCode() : null;
        checkEligible(event, request.populationGroup(), region, request.birthYear(), "请填写参加人的");
        if (Boolean.TRUE.equals(event.event().getVolunteersOnly())) {
            // Whether someone is an approved volunteer cannot be told from a name and a phone.
            throw new ApiException(EventErrors.NOT_A_VOLUNTEER, "志愿者活动须由志愿者本人报名");
        }
        if (!staff && signups.countProxiedBy(eventId, actor.type().name(), actor.id()) >= PROXY_PER_EVENT) {
            throw new ApiException(EventErrors.PROXY_SIGNUP_LIMIT);
        }
        ObjectNode answers = SignupForms.validateAnswers(event.formFields(), request.form());
        String phone = request.phone();
        String phoneHash = cipher.lookupHash(phone);
        Signup s = new Signup();
        s.setEventId(eventId);
        s.setProxy(true);
        s.setProxiedByType(actor.type().name());
        s.setProxiedById(actor.id());
        s.setNameCipher(cipher.encrypt(request.name().strip()));
        s.setNameMasked(PersonalDataCipher.maskName(request.name().strip()));
        s.setPhoneCipher(cipher.encrypt(phone));
        s.setPhoneHash(phoneHash);
        s.setPhoneMasked(PersonalDataCipher.maskPhone(phone));
        s.setFormAnswers(sealAnswers(answers));
        s.setPersonKey(ParticipationRecorded.proxyPersonKey(phoneHash));
        s.setRegionCode(region);
        s.setPopulationGroup(request.populationGroup() == null ? null : request.populationGroup().name());
        return place(event, s, now);
    }

    private SignupView place(EventSnapshot event, Signup s, LocalDateTime now) {
        try {
            SeatAllocator.Placement placed = allocator.place(s, now);
            return view(placed.signup(), event.event(), placed.waitlistPosition());
        } catch (ApiException e) {
            if (e.errorCode() == EventErrors.EVENT_FULL) {
                // Later refusals of this event need not reach the database for a moment.
                catalog.markFull(event.id());
            }
            throw e;
        }
    }

    /** How many people one resident may sign up for one event (a cadre for a village's trainees, a family). */
    static final int PROXY_PER_EVENT = 10;

    /** Cancels a signup of the caller (their own, or one they made for someone else). */
    @Transactional
    SignupView cancel(CurrentUser user, long signupId) {
        Signup s = ownedOrProxied(user, signupId);
        if (SignupStatus.CANCELLED.name().equals(s.getStatus())) {
            throw new ApiException(EventErrors.SIGNUP_ALREADY_CANCELLED);
        }
        LocalDateTime now = Times.now(clock);
        Event event = events.lock(s.getEventId());
        if (!EventStatus.PUBLISHED.name().equals(event.getStatus())) {
            throw new ApiException(EventErrors.EVENT_NOT_PUBLISHED);
        }
        if (!now.isBefore(event.getCancelDeadline()) && SignupStatus.CONFIRMED.name().equals(s.getStatus())) {
            throw new ApiException(EventErrors.CANCEL_DEADLINE_PASSED);
        }
        cancelLocked(event, s.getId(), "BY_PARTICIPANT", now);
        Signup after = signups.selectById(signupId);
        return view(after, event, null);
    }

    /** With the event row locked: cancels whatever state the signup is in now; a freed seat moves on. */
    private boolean cancelLocked(Event locked, long signupId, String reason, LocalDateTime now) {
        if (signups.cancel(signupId, SignupStatus.CONFIRMED.name(), reason, now) == 1) {
            seats.seatFreed(locked);
        } else if (signups.cancel(signupId, SignupStatus.WAITLISTED.name(), reason, now) != 1) {
            throw new ApiException(EventErrors.SIGNUP_ALREADY_CANCELLED);
        }
        catalog.invalidate(locked.getId());
        return true;
    }

    /**
     * The resident proves a phone is theirs (it is the phone bound to their account, verified by WeChat) and takes
     * over the proxy signups made with it. Where they had already signed up themselves, the proxy one is dropped.
     */
    @Transactional
    List<SignupView> claim(CurrentUser user, String phone) {
        ResidentSummary holder = residents.findByPhone(phone).orElse(null);
        if (holder == null || holder.id() != user.id()) {
            throw new ApiException(EventErrors.PHONE_NOT_YOURS);
        }
        String key = ParticipationRecorded.residentKey(user.id());
        LocalDateTime now = Times.now(clock);
        List<SignupView> claimed = new ArrayList<>();
        for (Signup s : signups.unclaimed(cipher.lookupHash(phone))) {
            try {
                signups.claim(s.getId(), user.id(), key);
            } catch (DuplicateKeyException e) {
                // Already signed up themselves: the proxy signup is a duplicate of it.
                cancelLocked(events.lock(s.getEventId()), s.getId(), "MERGED", now);
                continue;
            }
            Signup after = signups.selectById(s.getId());
            Event event = events.selectById(s.getEventId());
            claimed.add(view(after, event, position(after)));
        }
        return claimed;
    }

    /** The signup's own attendance per session, with the hours credited once settled; 404 unless it is the caller's. */
    List<EventViews.MyAttendance> attendance(CurrentUser user, long signupId) {
        Signup s = ownedOrProxied(user, signupId);
        return attendanceRows.ofSignup(s.getId()).stream()
                .map(a -> new EventViews.MyAttendance(a.getSessionId(), Times.toOffset(a.getCheckInAt()),
                        Times.toOffset(a.getCheckOutAt()), a.isPresenceConfirmed(), a.getCredited(), a.getHours()))
                .toList();
    }

    SignupView get(CurrentUser user, long signupId) {
        Signup s = ownedOrProxied(user, signupId);
        Event event = events.selectById(s.getEventId());
        return view(s, event, position(s));
    }

    PageResult<SignupView> mine(CurrentUser user, PageQuery page) {
        return page(new LambdaQueryWrapper<Signup>().eq(Signup::getResidentId, user.id()), page);
    }

    PageResult<SignupView> proxiedByMe(CurrentUser user, PageQuery page) {
        return page(new LambdaQueryWrapper<Signup>().eq(Signup::getProxiedByType, SubjectType.RESIDENT.name())
                .eq(Signup::getProxiedById, user.id()), page);
    }

    EventViews.MySignupView mySignup(long residentId, long eventId) {
        Signup s = signups.active(eventId, ParticipationRecorded.residentKey(residentId));
        return s == null ? null : new EventViews.MySignupView(s.getId(), SignupStatus.valueOf(s.getStatus()), position(s));
    }

    private PageResult<SignupView> page(LambdaQueryWrapper<Signup> query, PageQuery page) {
        Page<Signup> result = signups.selectPage(Page.of(page.pageOrDefault(), page.sizeOrDefault()),
                query.orderByDesc(Signup::getId));
        List<Long> eventIds = result.getRecords().stream().map(Signup::getEventId).distinct().toList();
        java.util.Map<Long, Event> byId = eventIds.isEmpty() ? java.util.Map.of()
                : events.selectByIds(eventIds).stream().collect(java.util.stream.Collectors.toMap(Event::getId, e -> e));
        return PageResult.of(result.getRecords().stream()
                .map(s -> view(s, byId.get(s.getEventId()), position(s)))
                .toList(), result.getTotal(), page);
    }

    private Integer position(Signup s) {
        return SignupStatus.WAITLISTED.name().equals(s.getStatus())
                ? signups.waitlistPosition(s.getEventId(), s.getId()) : null;
    }

    /** The caller's own signup, or one they made by proxy; anyone else's is "not found". */
    private Signup ownedOrProxied(CurrentUser user, long signupId) {
        Signup s = signups.selectById(signupId);
        boolean own = s != null && Objects.equals(s.getResidentId(), user.id());
        // Once claimed, a signup is its owner's alone: the proxier no longer holds the ticket.
        boolean proxied = s != null && s.getResidentId() == null
                && SubjectType.RESIDENT.name().equals(s.getProxiedByType())
                && Objects.equals(s.getProxiedById(), user.id());
        if (!own && !proxied) {
            throw new ApiException(EventErrors.SIGNUP_NOT_FOUND);
        }
        return s;
    }

    private void requireOpen(EventSnapshot event, LocalDateTime now, boolean staff) {
        EventStatus status = event.status();
        if (status == EventStatus.DRAFT) {
            throw new ApiException(EventErrors.EVENT_NOT_FOUND);
        }
        if (status != EventStatus.PUBLISHED) {
            throw new ApiException(EventErrors.SIGNUP_CLOSED);
        }
        if (!staff && now.isBefore(event.event().getSignupOpensAt())) {
            throw new ApiException(EventErrors.SIGNUP_NOT_OPEN);
        }
        // Organisers may still register walk-ins on the day; residents only inside the window.
        if (staff ? !now.isBefore(event.event().getEndsAt()) : !now.isBefore(event.event().getSignupClosesAt())) {
            throw new ApiException(EventErrors.SIGNUP_CLOSED);
        }
        if (event.refusesNewSignups()) {
            throw new ApiException(EventErrors.EVENT_FULL);
        }
    }

    /**
     * The event's group, region and age conditions against what is known of the participant; an unknown value
     * where the event sets a condition is refused ({@code where} says where to fill it in).
     */
    private void checkEligible(EventSnapshot event, PopulationGroup group, String region, Integer birthYear,
                               String where) {
        Event e = event.event();
        if (!event.groups().isEmpty() && (group == null || !event.groups().contains(group))) {
            throw new ApiException(EventErrors.NOT_ELIGIBLE, "本活动面向特定人群，" + where + "人群类别须符合要求");
        }
        if (!event.regions().isEmpty()) {
            String town = region == null ? null : regions.find(region).map(RegionInfo::townCode).orElse(null);
            if (region == null || !(event.regions().contains(region) || (town != null && event.regions().contains(town)))) {
                throw new ApiException(EventErrors.NOT_ELIGIBLE, "本活动仅限指定镇街或村社区的居民报名，" + where + "所在地区须符合要求");
            }
        }
        if (e.getMinAge() != null || e.getMaxAge() != null) {
            if (birthYear == null) {
                throw new ApiException(EventErrors.NOT_ELIGIBLE, "本活动有年龄要求，" + where + "出生年份");
            }
            int age = Year.now(clock.withZone(Zones.SHANGHAI)).getValue() - birthYear;
            if ((e.getMinAge() != null && age < e.getMinAge()) || (e.getMaxAge() != null && age > e.getMaxAge())) {
                throw new ApiException(EventErrors.NOT_ELIGIBLE, "本活动有年龄要求，参加人的年龄不在范围内");
            }
        }
    }

    private boolean isVolunteer(long residentId) {
        VolunteerRoster roster = volunteers.getIfAvailable();
        return roster != null && roster.isApprovedVolunteer(residentId);
    }

    private String sealAnswers(ObjectNode answers) {
        return answers.isEmpty() ? null : cipher.encrypt(SignupForms.json().writeValueAsString(answers));
    }

    /** Confirmed signups carry their ticket: every caller who can see a signup here is entitled to show it. */
    SignupView view(Signup s, Event event, Integer position) {
        boolean confirmed = SignupStatus.CONFIRMED.name().equals(s.getStatus());
        return new SignupView(s.getId(), s.getEventId(), event == null ? null : event.getTitle(),
                event == null ? null : Times.toOffset(event.getStartsAt()), SignupStatus.valueOf(s.getStatus()),
                position, Boolean.TRUE.equals(s.getProxy()), s.getNameMasked(), s.getPhoneMasked(),
                Times.toOffset(s.getCreatedAt()), Times.toOffset(s.getConfirmedAt()),
                Times.toOffset(s.getCancelledAt()), confirmed ? tickets.sign(s, catalog.recent(s.getEventId())) : null);
    }
}
