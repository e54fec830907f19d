package cn.yunxi.kepu.emergency;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.personaldata.PersonalDataSection;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.resident.ResidentDeleted;

/**
 * The resident's emergency data in "export my data": which emergencies they marked as read (我知道了), how many
 * emergency messages they accepted and have not yet received, and the messages queued for them with how each went.
 * On account deletion the read receipts and acceptances go; the messages stay, without anything about the person,
 * in the emergency's delivery counts.
 */
@Component
class EmergencyPersonalData implements PersonalDataSection {

    private final EmergencyRepository repository;

    EmergencyPersonalData(EmergencyRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "emergencies";
    }

    @Override
    public Object export(long residentId) {
        List<Read> reads = repository.readReceipts(residentId).stream()
                .map(r -> new Read(r.emergencyId(), r.title(), Times.toOffset(r.readAt()))).toList();
        Subscription subscription = repository.quota(residentId)
                .map(q -> new Subscription(q.remaining(), Times.toOffset(q.updatedAt())))
                .orElse(new Subscription(0, null));
        List<Message> messages = repository.messages(residentId).stream()
                .map(m -> new Message(m.emergencyId(), m.title(), m.status(), Times.toOffset(m.sentAt()))).toList();
        return new Export(reads, subscription, messages);
    }

    /** {@code reads}: 我知道了 taps; {@code subscription}: acceptances left; {@code messages}: what was sent. */
    record Export(List<Read> reads, Subscription subscription, List<Message> messages) {
    }

    record Read(long emergencyId, String title, OffsetDateTime readAt) {
    }

    /** Acceptances of emergency messages not yet used, and when the count last changed (null: never accepted). */
    record Subscription(int remaining, @Nullable OffsetDateTime updatedAt) {
    }

    record Message(long emergencyId, String title, String status, @Nullable OffsetDateTime sentAt) {
    }

    @ApplicationModuleListener
    void on(ResidentDeleted deleted) {
        repository.erase(deleted.residentId());
    }
}
