package cn.yunxi.kepu.event;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;

/**
 * Test-only listener: what the event feature published after its transactions committed, as another feature
 * (points, indicators, volunteers) would receive it.
 */
@Component
class ParticipationProbe {

    private final ConcurrentLinkedQueue<ParticipationRecorded> participation = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<AttendanceConfirmed> attendance = new ConcurrentLinkedQueue<>();

    @TransactionalEventListener
    void on(ParticipationRecorded event) {
        participation.add(event);
    }

    @TransactionalEventListener
    void on(AttendanceConfirmed event) {
        attendance.add(event);
    }

    List<AttendanceConfirmed> attendanceFor(long eventId) {
        return attendance.stream().filter(a -> a.eventId() == eventId).toList();
    }

    /**
     * The attendance this event's check-ins published. Other records may carry the same number (a quiz's, a content
     * item's, or one another test made up with source EVENT), so the record key must be an attendance's too.
     */
    List<ParticipationRecorded> forEvent(long eventId) {
        return participation.stream().filter(p -> p.recordKey().startsWith("attendance:")
                && "EVENT".equals(p.sourceType()) && p.sourceId() == eventId).toList();
    }
}
