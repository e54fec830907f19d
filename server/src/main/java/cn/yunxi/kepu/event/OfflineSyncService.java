package cn.yunxi.kepu.event;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.event.EventRequests.SyncOp;
import cn.yunxi.kepu.event.EventViews.AttendanceView;
import cn.yunxi.kepu.event.EventViews.SyncResult;

/**
 * Scans and ticks an organiser's phone queued without network, synced later. Each operation is applied at the
 * time it happened on the phone, under the same rules as a live one (the session's check-in and check-out
 * windows, nothing after settlement), so a late sync of something that happened during the session is accepted
 * and anything outside it is refused. Each is recorded under the phone's operation id in the same transaction
 * as its effect: a resend (lost answer, retry, two syncs at once) gets the recorded outcome and changes nothing.
 * The same person recorded from two phones is a conflict: the earlier check-in time stands.
 */
@Service
class OfflineSyncService {

    /** A phone's clock may run a little ahead; anything later than this is not a time that has happened. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final AttendanceService attendance;
    private final AttendanceMapper rows;
    private final CheckinTokens tokens;
    private final TicketSigner tickets;
    private final OfflineSyncRepository ops;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OfflineSyncService(AttendanceService attendance, AttendanceMapper rows, CheckinTokens tokens,
                       TicketSigner tickets, OfflineSyncRepository ops, PlatformTransactionManager txManager, Clock clock) {
        this.attendance = attendance;
        this.rows = rows;
        this.tokens = tokens;
        this.tickets = tickets;
        this.ops = ops;
        this.transactions = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    List<SyncResult> sync(EventSnapshot event, CurrentUser organiser, List<SyncOp> batch) {
        return batch.stream().map(op -> one(event, organiser, op)).toList();
    }

    private SyncResult one(EventSnapshot event, CurrentUser organiser, SyncOp op) {
        Optional<SyncResult> earlier = recorded(op.opId(), organiser);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        LocalDateTime at = op.at().atZoneSameInstant(Zones.SHANGHAI).toLocalDateTime();
        try {
            return transactions.execute(status -> apply(event, organiser, op, at));
        } catch (DuplicateKeyException e) {
            // the same operation, synced at the same moment by another request: its outcome is the one
            return recorded(op.opId(), organiser).orElseGet(() -> refused(op, "SYNC_OP_TAKEN", "操作编号已被使用"));
        } catch (ApiException e) {
            try {
                transactions.executeWithoutResult(status -> ops.insert(op.opId(), organiser.id(), event.id(), "REFUSED",
                        null, e.errorCode().name(), e.getMessage(), at, Times.now(clock)));
            } catch (DuplicateKeyException taken) {
                return recorded(op.opId(), organiser).orElseGet(() -> refused(op, "SYNC_OP_TAKEN", "操作编号已被使用"));
            }
            return refused(op, e.errorCode().name(), e.getMessage());
        }
    }

    private SyncResult apply(EventSnapshot event, CurrentUser organiser, SyncOp op, LocalDateTime at) {
        if (at.isAfter(Times.now(clock).plus(CLOCK_SKEW))) {
            throw new ApiException(EventErrors.CHECKIN_NOT_OPEN, "操作时间晚于现在，请核对手机时间");
        }
        long signupId = op.kind() == EventRequests.SyncKind.TICKET ? tickets.signupId(op.ticket(), tokens)
                : Optional.ofNullable(op.signupId()).orElseThrow(() -> new ApiException(EventErrors.SIGNUP_NOT_FOUND));
        String method = op.kind() == EventRequests.SyncKind.TICKET ? "TICKET" : "TICK";
        AttendanceView view = attendance.byOrganiser(event, organiser, signupId, op.sessionId(), op.purpose(), at, method);
        String outcome = "APPLIED";
        String detail = null;
        if (view.alreadyRecorded()) {
            outcome = "CONFLICT";
            if (op.purpose() == CheckinTokens.Purpose.IN) {
                rows.moveCheckInEarlier(view.id(), at);
                Attendance kept = rows.selectById(view.id());
                view = attendance.view(kept, true);
                detail = "此前已签到，以较早的 " + HH_MM.format(kept.getCheckInAt()) + " 为签到时间";
            } else {
                detail = "此前已签退（" + HH_MM.format(rows.selectById(view.id()).getCheckOutAt()) + "），以先记录的为准";
            }
        }
        ops.insert(op.opId(), organiser.id(), event.id(), outcome, view.id(), null, detail, at, Times.now(clock));
        return new SyncResult(op.opId(), outcome, false, null, detail, view);
    }

    /** A resend of the operation gets the outcome it had; an id another account used is refused. */
    private Optional<SyncResult> recorded(String opId, CurrentUser organiser) {
        return ops.find(opId).map(stored -> stored.staffId() != organiser.id()
                ? new SyncResult(opId, "REFUSED", false, "SYNC_OP_TAKEN", "操作编号已被使用", null)
                : new SyncResult(opId, stored.outcome(), true, stored.code(), stored.detail(),
                        stored.attendanceId() == null ? null
                                : attendance.view(rows.selectById(stored.attendanceId()), true)));
    }

    private static SyncResult refused(SyncOp op, String code, String detail) {
        return new SyncResult(op.opId(), "REFUSED", false, code, detail, null);
    }
}
