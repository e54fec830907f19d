package cn.yunxi.kepu.emergency;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.emergency.EmergencyViews.ActiveView;
import cn.yunxi.kepu.emergency.EmergencyViews.SubscriptionView;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;

/**
 * What a resident sees: the running emergencies of their place (read or not; the mini-program shows the unread
 * ones as a banner on every page), the read receipt, and accepting emergency messages. The banner goes the
 * moment an emergency ends (see {@link RunningEmergencies}).
 */
@Service
class EmergencyResidentService {

    private final EmergencyRepository repository;
    private final RunningEmergencies running;
    private final EmergencyAudience audience;
    private final ResidentService residents;
    private final EmergencyProperties properties;
    private final Clock clock;

    EmergencyResidentService(EmergencyRepository repository, RunningEmergencies running, EmergencyAudience audience,
                             ResidentService residents, EmergencyProperties properties, Clock clock) {
        this.repository = repository;
        this.running = running;
        this.audience = audience;
        this.residents = residents;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ActiveView> active(long residentId) {
        List<EmergencyRepository.Row> mine = reaching(residentId, Times.now(clock));
        Set<Long> read = new HashSet<>(repository.readBy(residentId,
                mine.stream().map(EmergencyRepository.Row::id).toList()));
        return mine.stream().map(r -> new ActiveView(r.id(), r.title(), r.body(), Times.toOffset(r.publishedAt()),
                Times.toOffset(r.endsAt()), read.contains(r.id()))).toList();
    }

    /** Only an emergency the resident can see can be marked read; marking twice is the same as once. */
    @Transactional
    void markRead(long residentId, long emergencyId) {
        LocalDateTime now = Times.now(clock);
        boolean visible = reaching(residentId, now).stream().anyMatch(r -> r.id() == emergencyId);
        if (!visible) {
            throw new ApiException(EmergencyErrors.EMERGENCY_NOT_FOUND);
        }
        repository.markRead(emergencyId, residentId, now);
    }

    @Transactional(readOnly = true)
    SubscriptionView subscription(long residentId) {
        return new SubscriptionView(properties.templateId(), repository.remaining(residentId));
    }

    /** The resident just accepted the emergency template in {@code wx.requestSubscribeMessage}: one more message. */
    @Transactional
    SubscriptionView subscribe(long residentId) {
        repository.addQuota(residentId, Times.now(clock));
        return subscription(residentId);
    }

    private List<EmergencyRepository.Row> reaching(long residentId, LocalDateTime now) {
        Set<String> places = audience.placesOf(residents.find(residentId).map(ResidentSummary::regionCode).orElse(null));
        return running.at(now).stream()
                .filter(r -> EmergencyAudience.reaches(r.row().wholeDistrict(), r.targets(), places))
                .map(RunningEmergencies.Running::row)
                .toList();
    }
}
