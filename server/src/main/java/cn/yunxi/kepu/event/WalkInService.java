package cn.yunxi.kepu.event;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.FieldError;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.event.EventRequests.WalkInRequest;
import cn.yunxi.kepu.event.EventViews.AttendanceView;
import cn.yunxi.kepu.event.EventViews.SignupView;
import cn.yunxi.kepu.event.EventViews.WalkInView;
import cn.yunxi.kepu.region.RegionService;

/**
 * Someone turns up at the door without a signup: the organiser signs them up by proxy (the event's conditions
 * are checked on what the organiser declares, as for any proxy signup) and, with a seat, checks them in. The
 * session is settled first, so nobody is signed up for a session that is not open. The person's village is required
 * and must be one of the district's (the organiser picks it from the region tree): the plan's per-village figures
 * count walk-ins only through it, and a proxy signup elsewhere would quietly drop a code it does not know.
 */
@Service
class WalkInService {

    private final SignupService signups;
    private final AttendanceService attendance;
    private final RegionService regions;
    private final Clock clock;

    WalkInService(SignupService signups, AttendanceService attendance, RegionService regions, Clock clock) {
        this.regions = regions;
        this.signups = signups;
        this.attendance = attendance;
        this.clock = clock;
    }

    WalkInView walkIn(EventSnapshot event, CurrentUser organiser, WalkInRequest request) {
        String village = request.person().regionCode();
        if (village == null || village.isBlank()) {
            throw new FormValidationException(List.of(new FieldError("person.regionCode", "请选择参加人所在的村（社区）")));
        }
        if (!regions.isVillage(village)) {
            throw new FormValidationException(List.of(new FieldError("person.regionCode", "所选村（社区）不存在，请从列表中选择")));
        }
        EventSession session = request.sessionId() != null
                ? event.session(request.sessionId()).orElseThrow(() -> new ApiException(EventErrors.SESSION_NOT_FOUND))
                : event.currentSession(Times.now(clock), AttendanceService.EARLY)
                .orElseThrow(() -> new ApiException(EventErrors.CHECKIN_NOT_OPEN));
        SignupView signup = signups.proxySignup(organiser, event.id(), request.person());
        AttendanceView checkedIn = signup.status() == SignupStatus.CONFIRMED
                ? attendance.tick(event, organiser, signup.id(), session.getId(), CheckinTokens.Purpose.IN)
                : null;
        return new WalkInView(signup, checkedIn);
    }
}
