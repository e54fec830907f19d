package cn.yunxi.kepu.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.event.EventViews.Roster;
import cn.yunxi.kepu.event.EventViews.RosterAttendance;
import cn.yunxi.kepu.event.EventViews.RosterEntry;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.StaffView;
import cn.yunxi.kepu.common.security.SubjectType;
import cn.yunxi.kepu.staff.StaffRole;
import tools.jackson.databind.JsonNode;

/**
 * The roster of one event: signups (confirmed, then the waitlist in order, then cancelled), attendance per
 * session and hours. Phones are shown in full only to the district admin; everyone else sees them masked.
 */
@Service
class RosterService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SignupMapper signups;
    private final AttendanceMapper attendance;
    private final ResidentService residents;
    private final PersonalDataCipher cipher;
    private final StaffService staff;

    RosterService(SignupMapper signups, AttendanceMapper attendance, ResidentService residents,
                  PersonalDataCipher cipher, StaffService staff) {
        this.signups = signups;
        this.attendance = attendance;
        this.residents = residents;
        this.cipher = cipher;
        this.staff = staff;
    }

    Roster roster(EventSnapshot event, CurrentUser viewer) {
        boolean showPhones = StaffRole.isDistrictAdmin(viewer);
        // Waitlisted people in queue order (seat-withdrawn ones carry a negative key and come first); the others
        // keep their arrival order.
        List<Signup> all = new ArrayList<>(signups.selectList(new LambdaQueryWrapper<Signup>()
                .eq(Signup::getEventId, event.id()).orderByAsc(Signup::getId)));
        all.sort(Comparator.comparingLong((Signup s) -> SignupStatus.WAITLISTED.name().equals(s.getStatus())
                && s.getWaitlistOrder() != null ? s.getWaitlistOrder() : 0L).thenComparing(Signup::getId));
        Map<Long, List<Attendance>> bySignup = attendance.ofEvent(event.id()).stream()
                .collect(Collectors.groupingBy(Attendance::getSignupId));
        Map<Long, ResidentSummary> people = residents.findAll(all.stream().filter(s -> !Boolean.TRUE.equals(s.getProxy()))
                        .map(Signup::getResidentId).filter(java.util.Objects::nonNull).distinct().toList())
                .stream().collect(Collectors.toMap(ResidentSummary::id, Function.identity()));
        Map<Long, ResidentSummary> proxiers = residents.findAll(all.stream()
                        .filter(s -> SubjectType.RESIDENT.name().equals(s.getProxiedByType()))
                        .map(Signup::getProxiedById).distinct().toList())
                .stream().collect(Collectors.toMap(ResidentSummary::id, Function.identity()));
        Map<Long, Integer> seqOf = event.sessions().stream()
                .collect(Collectors.toMap(EventSession::getId, EventSession::getSeq));
        List<RosterEntry> confirmed = new ArrayList<>();
        List<RosterEntry> waitlisted = new ArrayList<>();
        List<RosterEntry> cancelled = new ArrayList<>();
        int position = 0;
        for (Signup s : all) {
            SignupStatus status = SignupStatus.valueOf(s.getStatus());
            Integer pos = status == SignupStatus.WAITLISTED ? ++position : null;
            List<RosterAttendance> att = bySignup.getOrDefault(s.getId(), List.of()).stream()
                    .map(a -> new RosterAttendance(a.getSessionId(), seqOf.getOrDefault(a.getSessionId(), 0),
                            Times.toOffset(a.getCheckInAt()), Times.toOffset(a.getCheckOutAt()), a.getCheckInMethod(),
                            Boolean.TRUE.equals(a.getLocationVerified()), a.getDistanceM(), a.getCredited(), a.getHours(),
                            a.isPresenceConfirmed(), a.getCheckOutMethod()))
                    .toList();
            BigDecimal hours = att.stream().map(RosterAttendance::hours).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            RosterEntry entry = new RosterEntry(s.getId(), status, pos, name(s, people), phone(s, people, showPhones),
                    Boolean.TRUE.equals(s.getProxy()), proxiedBy(s, proxiers), s.getRegionCode(), s.getPopulationGroup(),
                    Times.toOffset(s.getCreatedAt()), att, hours, answers(event, s, showPhones));
            switch (status) {
                case CONFIRMED -> confirmed.add(entry);
                case WAITLISTED -> waitlisted.add(entry);
                case CANCELLED -> cancelled.add(entry);
            }
        }
        List<RosterEntry> entries = new ArrayList<>(confirmed);
        entries.addAll(waitlisted);
        entries.addAll(cancelled);
        return new Roster(event.id(), event.event().getTitle(), event.event().getCapacity(), confirmed.size(),
                waitlisted.size(), cancelled.size(), EventViewFactory.sessions(event.sessions()), entries);
    }

    byte[] excel(EventSnapshot event, CurrentUser viewer) {
        Roster roster = roster(event, viewer);
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("报名与签到");
            List<String> header = new ArrayList<>(List.of("序号", "状态", "候补位置", "姓名", "手机号", "代报名", "代报名人",
                    "地区编码", "人群", "报名时间"));
            for (EventViews.SessionView s : roster.sessions()) {
                header.add("第" + s.seq() + "场签到");
                header.add("第" + s.seq() + "场签退");
                header.add("第" + s.seq() + "场计学时");
            }
            header.add("累计学时");
            event.formFields().forEach(f -> header.add(f.label()));
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
            }
            int r = 1;
            for (RosterEntry e : roster.entries()) {
                Row row = sheet.createRow(r);
                int c = 0;
                row.createCell(c++).setCellValue(r);
                row.createCell(c++).setCellValue(label(e.status()));
                row.createCell(c++).setCellValue(e.waitlistPosition() == null ? "" : e.waitlistPosition().toString());
                row.createCell(c++).setCellValue(nullToEmpty(e.name()));
                row.createCell(c++).setCellValue(nullToEmpty(e.phone()));
                row.createCell(c++).setCellValue(e.proxy() ? "是" : "否");
                row.createCell(c++).setCellValue(nullToEmpty(e.proxiedBy()));
                row.createCell(c++).setCellValue(nullToEmpty(e.regionCode()));
                row.createCell(c++).setCellValue(nullToEmpty(e.populationGroup()));
                row.createCell(c++).setCellValue(e.createdAt() == null ? "" : TIME.format(e.createdAt()));
                Map<Long, RosterAttendance> bySession = e.attendance().stream()
                        .collect(Collectors.toMap(RosterAttendance::sessionId, Function.identity()));
                for (EventViews.SessionView s : roster.sessions()) {
                    RosterAttendance a = bySession.get(s.id());
                    row.createCell(c++).setCellValue(a == null || a.checkInAt() == null ? "" : TIME.format(a.checkInAt()));
                    row.createCell(c++).setCellValue(a == null || a.checkOutAt() == null ? "" : TIME.format(a.checkOutAt()));
                    row.createCell(c++).setCellValue(a == null || a.hours() == null ? "" : a.hours().toPlainString());
                }
                row.createCell(c++).setCellValue(e.creditedHours().doubleValue());
                for (FormField f : event.formFields()) {
                    row.createCell(c++).setCellValue(nullToEmpty(e.form().get(f.label())));
                }
                r++;
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Who made a proxy signup, so an organiser can see who filled their event and ask them: a resident by masked
     * nickname and account number, staff by name.
     */
    private String proxiedBy(Signup s, Map<Long, ResidentSummary> proxiers) {
        if (s.getProxiedById() == null) {
            return null;
        }
        if (SubjectType.STAFF.name().equals(s.getProxiedByType())) {
            return "工作人员 " + staff.staff(s.getProxiedById()).map(StaffView::displayName).orElse("#" + s.getProxiedById());
        }
        ResidentSummary r = proxiers.get(s.getProxiedById());
        String nickname = r == null || r.nickname() == null ? "" : PersonalDataCipher.maskName(r.nickname()) + " ";
        return "居民 " + nickname + "（账号 " + s.getProxiedById() + "）";
    }

    private String name(Signup s, Map<Long, ResidentSummary> people) {
        if (s.getNameMasked() != null) {
            return s.getNameCipher() == null ? s.getNameMasked() : cipher.decrypt(s.getNameCipher());
        }
        ResidentSummary r = s.getResidentId() == null ? null : people.get(s.getResidentId());
        return r == null ? null : r.nickname();
    }

    private String phone(Signup s, Map<Long, ResidentSummary> people, boolean showPhones) {
        if (s.getPhoneMasked() != null) {
            return showPhones && s.getPhoneCipher() != null ? cipher.decrypt(s.getPhoneCipher()) : s.getPhoneMasked();
        }
        if (s.getResidentId() == null) {
            return null;
        }
        if (showPhones) {
            return residents.phone(s.getResidentId()).orElse(null);
        }
        ResidentSummary r = people.get(s.getResidentId());
        return r == null ? null : r.phoneMasked();
    }

    private Map<String, String> answers(EventSnapshot event, Signup s, boolean showPhones) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s.getFormAnswers() == null) {
            return out;
        }
        JsonNode answers = SignupForms.json().readTree(cipher.decrypt(s.getFormAnswers()));
        for (FormField f : event.formFields()) {
            out.put(f.label(), SignupForms.display(f, answers.get(f.key()), showPhones));
        }
        return out;
    }

    private static String label(SignupStatus status) {
        return switch (status) {
            case CONFIRMED -> "已确认";
            case WAITLISTED -> "候补";
            case CANCELLED -> "已取消";
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
