package cn.yunxi.kepu.base;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.ResidentDeleted;
import cn.yunxi.kepu.resident.ResidentDirectory;
import cn.yunxi.kepu.resident.ResidentSummary;

/** The 科普基地 registry, residents' list by distance and geofenced on-site check-in. */
@Service
class BaseService {

    private static final String SELECT = "SELECT id, name, type, level, accredited_on, accredited_by, region_code, address, "
            + "latitude, longitude, geofence_meters, opening_hours, contact_name, contact_phone, description, photo_keys, "
            + "status FROM science_base ";

    private final JdbcClient jdbc;
    private final RegionService regions;
    private final ResidentDirectory residents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BaseService(JdbcClient jdbc, RegionService regions, ResidentDirectory residents, ApplicationEventPublisher events,
                Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.residents = residents;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    BaseView create(BaseRequests.SaveBase r) {
        if (r.regionCode() != null && regions.find(r.regionCode()).isEmpty()) {
            throw new ApiException(BaseErrors.REGION_INVALID);
        }
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
            throw new ApiException(BaseErrors.BASE_NAME_TAKEN);
        }
        return view(find(keys.getKey().longValue()), null);
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

    @Transactional
    CheckInView checkIn(long residentId, long baseId, BaseRequests.CheckIn r) {
        BaseRow base = find(baseId);
        if (!"ACTIVE".equals(base.status())) {
            throw new ApiException(BaseErrors.BASE_CLOSED);
        }
        double distance = Geo.distanceMeters(r.latitude(), r.longitude(), base.latitude().doubleValue(),
                base.longitude().doubleValue());
        if (distance > base.geofenceMeters()) {
            throw new ApiException(BaseErrors.TOO_FAR, "您距离基地约 " + Math.round(distance) + " 米，需在 "
                    + base.geofenceMeters() + " 米内签到");
        }
        LocalDateTime now = Times.now(clock);
        LocalDate day = LocalDate.now(clock.withZone(Zones.SHANGHAI));
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO base_check_in (base_id, resident_id, visit_day, distance_m, checked_in_at) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(baseId, residentId, day, (int) Math.round(distance), now).update(keys);
        } catch (DuplicateKeyException e) {
            throw new ApiException(BaseErrors.ALREADY_CHECKED_IN);
        }
        long id = keys.getKey().longValue();
        ResidentSummary who = residents.find(residentId).orElse(null);
        events.publishEvent(new ParticipationRecorded("base-visit:" + id, ParticipationKind.BASE_VISIT,
                ParticipationRecorded.residentKey(residentId), residentId,
                who == null || who.phoneMasked() == null ? "居民" + residentId : who.phoneMasked(),
                who == null ? null : who.regionCode(),
                who == null || who.populationGroup() == null ? null : who.populationGroup().name(),
                "BASE", baseId, base.name(), day, List.of(), null, null, false));
        return new CheckInView(id, baseId, base.name(), day, (int) Math.round(distance), Times.toOffset(now));
    }

    @ApplicationModuleListener
    void on(ResidentDeleted event) {
        jdbc.sql("UPDATE base_check_in SET resident_id = NULL WHERE resident_id = ?").param(event.residentId()).update();
    }

    private BaseRow find(long id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(BaseRow.class).optional()
                .orElseThrow(() -> new ApiException(BaseErrors.BASE_NOT_FOUND));
    }

    private BaseView view(BaseRow b, Double distance) {
        return new BaseView(b.id(), b.name(), b.type(), typeLabel(b.type()), b.level(), levelLabel(b.level()),
                b.accreditedOn(), b.accreditedBy(), b.regionCode(), b.address(), b.latitude(), b.longitude(),
                b.geofenceMeters(), b.openingHours(), b.contactName(), b.contactPhone(), b.description(),
                b.photoKeys() == null ? List.of() : Arrays.asList(b.photoKeys().split("\n")), b.status(),
                distance == null ? null : (double) Math.round(distance));
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

    record BaseRow(long id, String name, String type, String level, LocalDate accreditedOn, String accreditedBy,
                   String regionCode, String address, BigDecimal latitude, BigDecimal longitude, int geofenceMeters,
                   String openingHours, String contactName, String contactPhone, String description, String photoKeys,
                   String status) {
    }

    record BaseView(long id, String name, String type, String typeLabel, String level, String levelLabel,
                    LocalDate accreditedOn, String accreditedBy, String regionCode, String address, BigDecimal latitude,
                    BigDecimal longitude, int geofenceMeters, String openingHours, String contactName,
                    String contactPhone, String description, List<String> photoKeys, String status,
                    Double distanceMeters) {
    }

    record CheckInView(long id, long baseId, String baseName, LocalDate visitDay, int distanceMeters,
                       OffsetDateTime checkedInAt) {
    }
}
