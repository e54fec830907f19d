package cn.yunxi.kepu.officer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.participation.ParticipationsRecorded;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.officer.OfficerRepository.OfficerRow;

/**
 * What keeps an officer active, and their reach. Other features call this:
 * <ul>
 *   <li>{@link #record} when an officer shares content or runs an activity (or publish a
 *       {@code ParticipationRecorded} of kind {@code OFFICER_ACTIVITY}, which lands here too);</li>
 *   <li>{@link #recordShareOpen} when a resident opens something an officer shared — the hook the content
 *       feature's share links call ({@code share:<id>} keys), so officers see how many residents they reached.</li>
 * </ul>
 */
@Service
public class OfficerActivityService {

    public enum Kind { SHARE, ACTIVITY }

    private final OfficerRepository officers;
    private final JdbcClient jdbc;
    private final Clock clock;

    OfficerActivityService(OfficerRepository officers, JdbcClient jdbc, Clock clock) {
        this.officers = officers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a share or an activity of the resident, if they are an approved officer; idempotent on
     * {@code activityKey}. Returns false when the resident is not an officer (nothing is stored).
     */
    @Transactional
    public boolean record(long residentId, String activityKey, Kind kind, String title, LocalDate day) {
        Optional<OfficerRow> officer = officers.approvedOfResident(residentId);
        if (officer.isEmpty()) {
            return false;
        }
        jdbc.sql("INSERT IGNORE INTO officer_activity (officer_id, activity_key, kind, title, occurred_on) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(officer.get().id(), activityKey, kind.name(), title, day).update();
        // every role the resident holds is active
        officers.ofResident(residentId).stream().filter(o -> "APPROVED".equals(o.status()))
                .forEach(o -> officers.touchActive(o.id(), day));
        return true;
    }

    /**
     * The resident as an approved officer (as 科普信息员 when they hold both roles); empty when they are neither, or
     * their application is pending, rejected or revoked. Other features check the officers they name with this.
     */
    public Optional<ApprovedOfficer> approved(long residentId) {
        return officers.approvedOfResident(residentId).map(o -> new ApprovedOfficer(residentId, OfficerRole.valueOf(o.role()),
                o.nameMasked(), o.regionCode()));
    }

    /** A resident opened a shared item ({@code activityKey} of the share); counted once per resident and share. */
    @Transactional
    public boolean recordShareOpen(String activityKey, long viewerResidentId) {
        return jdbc.sql("""
                INSERT IGNORE INTO officer_share_open (activity_id, viewer_key, opened_at)
                SELECT id, ?, ? FROM officer_activity WHERE activity_key = ? AND kind = 'SHARE'
                """).params("R:" + viewerResidentId, Times.now(clock), activityKey).update() == 1;
    }

    // The condition keeps the registry from recording (and later completing) a publication for every quiz
    // answer and content read this listener would ignore.
    @ApplicationModuleListener(condition = "#event.includesAny('OFFICER_ACTIVITY')")
    void on(ParticipationsRecorded event) {
        event.records().forEach(this::on);
    }

    @ApplicationModuleListener(condition = "#event.kind().name() == 'OFFICER_ACTIVITY'")
    void on(ParticipationRecorded event) {
        if (event.kind() == ParticipationKind.OFFICER_ACTIVITY && event.residentId() != null && !event.withdrawn()) {
            record(event.residentId(), "participation:" + event.recordKey(), Kind.ACTIVITY, event.sourceTitle(),
                    event.occurredOn());
        }
    }
}
