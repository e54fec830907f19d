package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Certificates for trainings a resident attended with credited hours. Issued the first time the resident opens
 * it, once the attendance is final: every session of the event has ended and each of the signup's attendance
 * records is settled, at least one with hours. The unique key on the signup makes that first issue the only one
 * (two phones opening it at once get the same number). The verification number is public: anyone may check it and
 * sees the holder's masked name, the event and the hours.
 */
@Service
class TrainingCertificateService {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the certificate page and the public check show; the holder's name is always masked. */
    @Schema(name = "TrainingCertificateView")
    record View(String verifyNo, String holderName, String title, String eventTitle, String unitName,
                BigDecimal hours, int sessions, LocalDate firstDay, LocalDate lastDay, OffsetDateTime issuedAt) {
    }

    private record Row(String verifyNo, String holderName, String title, String eventTitle, String unitName,
                       BigDecimal hours, int sessions, LocalDate firstDay, LocalDate lastDay, LocalDateTime issuedAt) {
    }

    private static final String COLUMNS = "verify_no, holder_name, title, event_title, unit_name, hours, sessions, "
            + "first_day, last_day, issued_at";

    private final JdbcClient jdbc;
    private final SignupMapper signups;
    private final AttendanceMapper attendance;
    private final EventCatalog catalog;
    private final ResidentService residents;
    private final Clock clock;

    TrainingCertificateService(JdbcClient jdbc, SignupMapper signups, AttendanceMapper attendance, EventCatalog catalog,
                         ResidentService residents, Clock clock) {
        this.jdbc = jdbc;
        this.signups = signups;
        this.attendance = attendance;
        this.catalog = catalog;
        this.residents = residents;
        this.clock = clock;
    }

    /** The resident's certificate for one of their own signups, issued now if it is earned and not yet issued. */
    View mine(CurrentUser me, long signupId) {
        Signup s = signups.selectById(signupId);
        if (s == null || s.getResidentId() == null || s.getResidentId() != me.id()) {
            throw new ApiException(EventErrors.SIGNUP_NOT_FOUND);
        }
        return bySignup(signupId).orElseGet(() -> issue(s, me.id()));
    }

    /** The public check of a verification number. */
    View verify(String verifyNo) {
        String normalised = verifyNo == null ? "" : verifyNo.strip().toUpperCase();
        return (normalised.length() == 20 ? find("verify_no = ?", normalised) : Optional.<View>empty())
                .orElseThrow(() -> new ApiException(EventErrors.TRAINING_CERTIFICATE_NOT_FOUND));
    }

    /** The account is deleted: its certificates stay verifiable but no longer name anyone. */
    void erase(long residentId) {
        jdbc.sql("UPDATE event_certificate SET holder_name = NULL WHERE resident_id = ?").param(residentId).update();
    }

    private Optional<View> bySignup(long signupId) {
        return find("signup_id = ?", signupId);
    }

    private Optional<View> find(String where, Object key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_certificate WHERE " + where).param(key).query(Row.class)
                .optional().map(r -> new View(r.verifyNo(),
                        r.holderName() == null ? "居民" : PersonalDataCipher.maskName(r.holderName()), r.title(),
                        r.eventTitle(), r.unitName(), r.hours(), r.sessions(), r.firstDay(), r.lastDay(),
                        Times.toOffset(r.issuedAt())));
    }

    private View issue(Signup s, long residentId) {
        EventSnapshot event = catalog.load(s.getEventId());
        LocalDateTime now = Times.now(clock);
        List<Attendance> rows = attendance.ofSignup(s.getId());
        List<Attendance> credited = rows.stream().filter(a -> Boolean.TRUE.equals(a.getCredited())).toList();
        boolean final_ = !now.isBefore(event.lastEnd()) && rows.stream().allMatch(a -> a.getSettledAt() != null);
        if (credited.isEmpty() || !final_) {
            throw new ApiException(EventErrors.TRAINING_CERTIFICATE_NOT_EARNED);
        }
        BigDecimal hours = credited.stream().map(a -> a.getHours() == null ? BigDecimal.ZERO : a.getHours())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<LocalDate> days = credited.stream().map(a -> event.session(a.getSessionId()).orElseThrow())
                .map(session -> session.getStartsAt().toLocalDate()).sorted(Comparator.naturalOrder()).toList();
        String holder = residents.find(residentId).map(ResidentSummary::nickname).orElse(null);
        String title = event.kind() == EventKind.TRAINING ? "培训结业证明" : event.kind().label() + "参加证明";
        try {
            jdbc.sql("INSERT INTO event_certificate (verify_no, signup_id, event_id, resident_id, holder_name, title, "
                            + "event_title, unit_name, hours, sessions, first_day, last_day, issued_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(newVerifyNo(), s.getId(), event.id(), residentId, holder, title, event.event().getTitle(),
                            event.unitName(), hours, credited.size(), days.get(0), days.get(days.size() - 1), now)
                    .update();
        } catch (DuplicateKeyException issuedMeanwhile) {
            // another request issued it first: that number stands
        }
        return bySignup(s.getId()).orElseThrow();
    }

    static String newVerifyNo() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
