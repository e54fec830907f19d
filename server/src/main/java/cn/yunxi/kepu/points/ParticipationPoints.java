package cn.yunxi.kepu.points;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.participation.ParticipationsRecorded;

/**
 * Turns participation other features record into points: reading content (READING) and attending an event
 * (ATTENDANCE), keyed by the record's key so a republished event never pays twice; a withdrawn record takes
 * its points back.
 */
@Component
class ParticipationPoints {

    private final PointsService points;
    private final PointsProperties properties;

    ParticipationPoints(PointsService points, PointsProperties properties) {
        this.points = points;
        this.properties = properties;
    }

    // Only reads and attendance earn points this way (quiz points are awarded with the graded attempt); the
    // condition keeps the registry from recording a publication for every other kind.
    @ApplicationModuleListener(condition = "#event.includesAny('CONTENT_READ', 'EVENT_ATTENDANCE')")
    void on(ParticipationsRecorded event) {
        event.records().stream().filter(ParticipationPoints::earnsPoints).forEach(this::on);
    }

    private static boolean earnsPoints(ParticipationRecorded event) {
        return event.kind() == ParticipationKind.CONTENT_READ || event.kind() == ParticipationKind.EVENT_ATTENDANCE;
    }

    @ApplicationModuleListener(condition = "#event.kind().name() == 'CONTENT_READ' or #event.kind().name() == 'EVENT_ATTENDANCE'")
    void on(ParticipationRecorded event) {
        if (event.residentId() == null) {
            return;
        }
        PointsReason reason;
        int amount;
        switch (event.kind()) {
            case CONTENT_READ -> {
                reason = PointsReason.READING;
                amount = properties.readingAmount();
            }
            case EVENT_ATTENDANCE -> {
                reason = PointsReason.ATTENDANCE;
                amount = properties.attendanceAmount();
            }
            default -> {
                return;
            }
        }
        if (event.withdrawn()) {
            points.revoke(reason, event.recordKey());
        } else if (amount > 0) {
            points.award(event.residentId(), reason, event.recordKey(), amount);
        }
    }
}
