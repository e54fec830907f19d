package cn.yunxi.kepu.event;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;
import cn.yunxi.kepu.common.personaldata.PersonalDataSection;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.resident.ResidentDeleted;

/**
 * The resident's signups and attendance in "export my data"; on account deletion the personal data given at
 * signup (form answers, names and phones of proxy signups) is erased while the anonymous rows keep counting.
 */
@Component
class EventPersonalData implements PersonalDataSection {

    private final SignupMapper signups;
    private final AttendanceMapper attendance;
    private final EventMapper events;
    private final PersonalDataCipher cipher;
    private final TrainingCertificateService certificates;

    EventPersonalData(SignupMapper signups, AttendanceMapper attendance, EventMapper events, PersonalDataCipher cipher,
                      TrainingCertificateService certificates) {
        this.certificates = certificates;
        this.signups = signups;
        this.attendance = attendance;
        this.events = events;
        this.cipher = cipher;
    }

    record ExportedAttendance(long sessionId, java.time.OffsetDateTime checkInAt, java.time.OffsetDateTime checkOutAt,
                              String method, Boolean credited, java.math.BigDecimal hours) {
    }

    record ExportedSignup(long signupId, long eventId, String eventTitle, String status, boolean proxy,
                          java.time.OffsetDateTime createdAt, java.time.OffsetDateTime cancelledAt, String formAnswers,
                          List<ExportedAttendance> attendance) {
    }

    @Override
    public String name() {
        return "eventSignups";
    }

    @Override
    public Object export(long residentId) {
        List<Signup> mine = signups.selectList(new LambdaQueryWrapper<Signup>().eq(Signup::getResidentId, residentId)
                .orderByAsc(Signup::getId));
        return mine.stream().map(s -> {
            Event e = events.selectById(s.getEventId());
            List<ExportedAttendance> att = attendance.selectList(new LambdaQueryWrapper<Attendance>()
                            .eq(Attendance::getSignupId, s.getId())).stream()
                    .map(a -> new ExportedAttendance(a.getSessionId(), Times.toOffset(a.getCheckInAt()),
                            Times.toOffset(a.getCheckOutAt()), a.getCheckInMethod(), a.getCredited(), a.getHours()))
                    .toList();
            return new ExportedSignup(s.getId(), s.getEventId(), e == null ? null : e.getTitle(), s.getStatus(),
                    Boolean.TRUE.equals(s.getProxy()), Times.toOffset(s.getCreatedAt()),
                    Times.toOffset(s.getCancelledAt()),
                    s.getFormAnswers() == null ? null : cipher.decrypt(s.getFormAnswers()), att);
        }).toList();
    }

    @ApplicationModuleListener
    void on(ResidentDeleted deleted) {
        signups.erase(deleted.residentId());
        certificates.erase(deleted.residentId());
    }
}
