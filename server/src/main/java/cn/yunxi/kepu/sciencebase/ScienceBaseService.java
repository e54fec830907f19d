package cn.yunxi.kepu.sciencebase;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.geo.Geo;
import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.media.MediaPurpose;
import cn.yunxi.kepu.media.MediaService;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.ResidentDeleted;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/** 科普基地: staff register and withdraw bases; residents list them by distance and check in on site (geofenced). */
@Service
class ScienceBaseService {

    private static final String SELECT = "SELECT id, name, type, level, accredited_on, accredited_by, region_code, address, "
            + "latitude, longitude, geofence_meters, opening_hours, contact_name, contact_phone, description, photo_keys, "
            + "status FROM science_base ";

    private final JdbcClient jdbc;
    private final MediaService media;
    private final RegionService regions;
    private final ResidentService residents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScienceBaseService(JdbcClient jdbc, RegionService regions, ResidentService residents, ApplicationEventPublisher events,
                Clock clock, MediaService media) {
        this.jdbc = jdbc;
        this.media = media;
        this.regions = regions;
        this.residents = residents;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    BaseView create(ScienceBaseRequests.SaveBase r) {
        if (r.regionCode() != null && regions.find(r.regionCode()).isEmpty()) {
            throw new ApiException(ScienceBaseErrors.REGION_INVALID);
        }
        checkPhotos(r.photoKeys(), List.of());
        LocalDateTime now = Times.now(clock);
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO science_base (name, type, level, accredited_on, accredited_by, region_code, address,
                        latitude, longitude, geofence_meters, opening_hours, contact_name, contact_phone, description,
                        photo_keys, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)
                    """).params(r.name(), r.type(), r.level(), r.accreditedOn(), r.accreditedBy(), r.regionCode(),
                    r.address(), r.latitude(), r.longitude(), r.geofenceMeters() == null ? 300 : r.geofenceMeters(),
                    r.openingHours(), r.contactName(), r.contactPhone(), r.description(),
                    r.photoKeys() == null ? null : String.join("\n", r.photoKeys()), now, now).update(keys);
        } catch (DuplicateKeyException e) {
            throw new ApiException(ScienceBaseErrors.BASE_NAME_TAKEN);
        }
        return view(find(keys.getKey().longValue()), null);
    }

    /** Corrects a base's record; check-ins and the accreditation status stay as they are. */
    @Transactional
    BaseView update(long id, ScienceBaseRequests.SaveBase r) {
        BaseRow before = find(id);
        if (r.regionCode() != null && regions.find(r.regionCode()).isEmpty()) {
            throw new ApiException(ScienceBaseErrors.REGION_INVALID);
        }
        checkPhotos(r.photoKeys(), photoKeys(before));
        try {
            jdbc.sql("""
                    UPDATE science_base SET name = ?, type = ?, level = ?, accredited_on = ?, accredited_by = ?,
                        region_code = ?, address = ?, latitude = ?, longitude = ?, geofence_meters = ?,
                        opening_hours = ?, contact_name = ?, contact_phone = ?, description = ?, photo_keys = ?,
                        updated_at = ?
                    WHERE id = ?
                    """).params(r.name(), r.type(), r.level(), r.accreditedOn(), r.accreditedBy(), r.regionCode(),
                    r.address(), r.latitude(), r.longitude(), r.geofenceMeters() == null ? 300 : r.geofenceMeters(),
                    r.openingHours(), r.contactName(), r.contactPhone(), r.description(),
                    r.photoKeys() == null ? null : String.join("\n", r.photoKeys()), Times.now(clock), id).update();
        } catch (DuplicateKeyException e) {
            throw new ApiException(ScienceBaseErrors.BASE_NAME_TAKEN);
        }
        return view(find(id), null);
    }

    /** The registry as staff keep it: withdrawn bases too (status filter), with how many check-ins each has had. */
    PageResult<StaffBaseView> registry(String status, String type, PageQuery page) {
        String where = "WHERE (? IS NULL OR status = ?) AND (? IS NULL OR type = ?) ";
        long total = jdbc.sql("SELECT COUNT(*) FROM science_base " + where).params(status, status, type, type)
                .query(Long.class).single();
        List<BaseRow> rows = jdbc.sql(SELECT + where + "ORDER BY status, name LIMIT ? OFFSET ?")
                .params(status, status, type, type, page.sizeOrDefault(), page.offset()).query(BaseRow.class).list();
        Map<Long, CheckInCounts> counts = rows.isEmpty() ? Map.of() : jdbc.sql("""
                SELECT base_id, COUNT(*) AS check_ins, COUNT(DISTINCT resident_id) AS visitors,
                    MAX(visit_day) AS last_visit_day
                FROM base_check_in WHERE base_id IN (:ids) GROUP BY base_id
                """).param("ids", rows.stream().map(BaseRow::id).toList()).query(CheckInCounts.class).list()
                .stream().collect(Collectors.toMap(CheckInCounts::baseId, c -> c));
        List<StaffBaseView> items = rows.stream().map(b -> {
            CheckInCounts c = counts.getOrDefault(b.id(), new CheckInCounts(b.id(), 0, 0, null));
            return new StaffBaseView(view(b, null), c.checkIns(), c.visitors(), c.lastVisitDay());
        }).toList();
        return PageResult.of(items, total, page);
    }

    @Transactional
    BaseView withdraw(long id) {
        find(id);
        jdbc.sql("UPDATE science_base SET status = 'WITHDRAWN', updated_at = ? WHERE id = ?")
                .params(Times.now(clock), id).update();
        return view(find(id), null);
    }

    PageResult<BaseView> list(Double lat, Double lng, String type, PageQuery page) {
        List<BaseRow> all = jdbc.sql(SELECT + "WHERE status = 'ACTIVE' AND (? IS NULL OR type = ?)")
                .params(type, type).query(BaseRow.class).list();
        List<BaseView> views = all.stream()
                .map(b -> view(b, lat == null || lng == null ? null
                        : Geo.distanceMeters(lat, lng, b.latitude().doubleValue(), b.longitude().doubleValue())))
                .sorted(lat == null || lng == null ? Comparator.comparing(BaseView::name)
                        : Comparator.comparing(BaseView::distanceMeters))
                .toList();
        return PageResult.of(views.stream().skip(page.offset()).limit(page.sizeOrDefault()).toList(), views.size(), page);
    }

    BaseView get(long id) {
        return view(find(id), null);
    }

    /**
     * Inside the geofence the visit is verified and counts at once. Without a position (an elder's phone that
     * refuses location) it is recorded but unverified, and counts only when staff confirm it; outside the
     * geofence it is refused with no figure in the message, so nobody can tune a fake position to it.
     */
    @Transactional
    CheckInView checkIn(long residentId, long baseId, ScienceBaseRequests.CheckIn r) {
        BaseRow base = find(baseId);
        if (!"ACTIVE".equals(base.status())) {
            throw new ApiException(ScienceBaseErrors.BASE_CLOSED);
        }
        Integer distance = null;
        if (r.latitude() != null && r.longitude() != null) {
            double d = Geo.distanceMeters(r.latitude(), r.longitude(), base.latitude().doubleValue(),
                    base.longitude().doubleValue());
            if (d > base.geofenceMeters()) {
                throw new ApiException(ScienceBaseErrors.TOO_FAR);
            }
            distance = (int) Math.round(d);
        }
        boolean verified = distance != null;
        LocalDateTime now = Times.now(clock);
        LocalDate day = LocalDate.now(clock.withZone(Zones.SHANGHAI));
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO base_check_in (base_id, resident_id, visit_day, distance_m, location_verified, "
                            + "checked_in_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(baseId, residentId, day, distance, verified, now).update(keys);
        } catch (DuplicateKeyException e) {
            throw new ApiException(ScienceBaseErrors.ALREADY_CHECKED_IN);
        }
        long id = keys.getKey().longValue();
        if (verified) {
            publishVisit(id, residentId, base, day);
        }
        return new CheckInView(id, baseId, base.name(), day, distance, verified, verified, Times.toOffset(now));
    }

    /** Unverified visits to a base waiting for staff to confirm them, oldest first. */
    List<CheckInView> unconfirmed(long baseId) {
        BaseRow base = find(baseId);
        return jdbc.sql("SELECT id, visit_day, checked_in_at FROM base_check_in WHERE base_id = ? "
                        + "AND location_verified = FALSE AND confirmed_at IS NULL AND resident_id IS NOT NULL ORDER BY id")
                .param(baseId)
                .query((rs, n) -> new CheckInView(rs.getLong("id"), baseId, base.name(),
                        rs.getObject("visit_day", LocalDate.class), null, false, false,
                        Times.toOffset(rs.getObject("checked_in_at", LocalDateTime.class))))
                .list();
    }

    /** Staff vouch for an unverified visit (they saw the visitor, or the base's own sign-in book): now it counts. */
    @Transactional
    CheckInView confirm(long staffId, long baseId, long checkInId) {
        BaseRow base = find(baseId);
        PendingVisit visit = jdbc.sql("SELECT resident_id, visit_day, checked_in_at FROM base_check_in WHERE id = ? "
                        + "AND base_id = ? AND location_verified = FALSE AND resident_id IS NOT NULL FOR UPDATE")
                .params(checkInId, baseId).query(PendingVisit.class)
                .optional().orElseThrow(() -> new ApiException(ScienceBaseErrors.CHECK_IN_NOT_FOUND));
        int changed = jdbc.sql("UPDATE base_check_in SET confirmed_by = ?, confirmed_at = ? WHERE id = ? "
                + "AND confirmed_at IS NULL").params(staffId, Times.now(clock), checkInId).update();
        if (changed == 1) {
            publishVisit(checkInId, visit.residentId(), base, visit.visitDay());
        }
        return new CheckInView(checkInId, baseId, base.name(), visit.visitDay(), null, false, true,
                Times.toOffset(visit.checkedInAt()));
    }

    private void publishVisit(long checkInId, long residentId, BaseRow base, LocalDate day) {
        ResidentSummary who = residents.find(residentId).orElse(null);
        events.publishEvent(ParticipationRecorded.builder(ParticipationKind.BASE_VISIT, "base-visit:" + checkInId)
                .resident(residentId, who == null || who.phoneMasked() == null ? "居民" + residentId : who.phoneMasked())
                .demographics(who == null ? null : who.regionCode(),
                        who == null || who.populationGroup() == null ? null : who.populationGroup().name())
                .source("BASE", base.id(), base.name())
                .occurredOn(day)
                .build());
    }

    @ApplicationModuleListener
    void on(ResidentDeleted event) {
        jdbc.sql("UPDATE base_check_in SET resident_id = NULL WHERE resident_id = ?").param(event.residentId()).update();
    }

    private BaseRow find(long id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(BaseRow.class).optional()
                .orElseThrow(() -> new ApiException(ScienceBaseErrors.BASE_NOT_FOUND));
    }

    private BaseView view(BaseRow b, Double distance) {
        List<String> photos = photoKeys(b);
        return new BaseView(b.id(), b.name(), b.type(), typeLabel(b.type()), b.level(), levelLabel(b.level()),
                b.accreditedOn(), b.accreditedBy(), b.regionCode(), b.address(), b.latitude(), b.longitude(),
                b.geofenceMeters(), b.openingHours(), b.contactName(), b.contactPhone(), b.description(),
                photos, photos.stream().map(k -> media.thumbnailUrl(k, 960)).toList(), b.status(),
                distance == null ? null : (double) Math.round(distance));
    }

    private static List<String> photoKeys(BaseRow b) {
        return b.photoKeys() == null || b.photoKeys().isBlank() ? List.of() : Arrays.asList(b.photoKeys().split("\n"));
    }

    /** A photo is an image uploaded through the media flow; photos the base already had may stay as they are. */
    private void checkPhotos(List<String> keys, List<String> kept) {
        for (String key : keys == null ? List.<String>of() : keys) {
            boolean ok = kept.contains(key) || media.find(key.strip())
                    .filter(i -> i.purpose() == MediaPurpose.CONTENT_IMAGE && i.isImage()).isPresent();
            if (!ok) {
                throw new ApiException(ScienceBaseErrors.BASE_PHOTO_INVALID);
            }
        }
    }

    static String typeLabel(String type) {
        return switch (type) {
            case "EDUCATION" -> "科普教育基地";
            case "TOURISM_EDUCATION" -> "科普旅游教育基地";
            default -> "科普示范基地";
        };
    }

    static String levelLabel(String level) {
        return switch (level) {
            case "DISTRICT" -> "区级";
            case "CITY" -> "市级";
            case "PROVINCE" -> "省级";
            default -> "国家级";
        };
    }

    record PendingVisit(long residentId, LocalDate visitDay, LocalDateTime checkedInAt) {
    }

    record BaseRow(long id, String name, String type, String level, LocalDate accreditedOn, String accreditedBy,
                   String regionCode, String address, BigDecimal latitude, BigDecimal longitude, int geofenceMeters,
                   String openingHours, String contactName, String contactPhone, String description, String photoKeys,
                   String status) {
    }

    record BaseView(long id, String name, String type, String typeLabel, String level, String levelLabel,
                    @Nullable LocalDate accreditedOn, @Nullable String accreditedBy, @Nullable String regionCode,
                    String address, BigDecimal latitude, BigDecimal longitude, int geofenceMeters, @Nullable String openingHours,
                    @Nullable String contactName, @Nullable String contactPhone, @Nullable String description,
                    List<String> photoKeys, List<String> photoUrls, String status, Double distanceMeters) {
    }

    record CheckInCounts(long baseId, long checkIns, long visitors, LocalDate lastVisitDay) {
    }

    /**
     * @param visitors     distinct residents who checked in (residents who deleted their account no longer count)
     * @param lastVisitDay null until the first check-in
     */
    @Schema(name = "ScienceBaseForStaff")
    record StaffBaseView(BaseView base, long checkIns, long visitors, @Nullable LocalDate lastVisitDay) {
    }

    /**
     * @param locationVerified the phone's position was inside the geofence
     * @param counts           it counts toward the plan: verified, or confirmed by staff
     */
    record CheckInView(long id, long baseId, String baseName, LocalDate visitDay, Integer distanceMeters,
                       boolean locationVerified, boolean counts, OffsetDateTime checkedInAt) {
    }
}
