package cn.yunxi.kepu.resident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import cn.yunxi.kepu.common.concurrent.RequestCombiner;
import cn.yunxi.kepu.common.crypto.PersonalDataCipher;

/** Read access to residents for other features (eligibility, statistics, proxy-signup matching). */
@Service
public class ResidentService {

    private final ResidentMapper residents;
    private final ResidentViewFactory views;
    private final PersonalDataCipher cipher;
    private final JdbcClient jdbc;
    private final RequestCombiner<Long, Optional<ResidentSummary>> sharedLookups =
            new RequestCombiner<>(200, this::findEach);

    private static final String SUMMARY_COLUMNS = "SELECT id, status, nickname, region_code, population_group, "
            + "birth_year, elder_mode, phone_masked FROM resident ";

    ResidentService(ResidentMapper residents, ResidentViewFactory views, PersonalDataCipher cipher, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.views = views;
        this.cipher = cipher;
    }

    /**
     * Only what {@link ResidentSummary} shows, with plain JDBC: signups and quiz submissions look the caller up on
     * every request, and the mapper's generic machinery (plugins, automatic mapping) cost several times the query.
     */
    public Optional<ResidentSummary> find(long residentId) {
        return jdbc.sql(SUMMARY_COLUMNS + "WHERE id = ?").param(residentId).query(this::summaryRow).optional();
    }

    /**
     * The same answer as {@link #find}, for hot request paths that run outside any transaction (a crowd signing
     * up): lookups that arrive together are answered by one query instead of one round trip each. Nothing is
     * kept between calls, so every answer is read after its call began and a profile change (on any instance)
     * shows at once. The query runs on another thread, outside the caller's transaction: never call this where
     * the resident row may have been changed by the caller's own uncommitted transaction.
     */
    public Optional<ResidentSummary> findShared(long residentId) {
        return sharedLookups.submit(residentId);
    }

    private List<Optional<ResidentSummary>> findEach(List<Long> residentIds) {
        Map<Long, ResidentSummary> byId = new HashMap<>();
        findAll(new LinkedHashSet<>(residentIds)).forEach(r -> byId.put(r.id(), r));
        return residentIds.stream().map(id -> Optional.ofNullable(byId.get(id))).toList();
    }

    public List<ResidentSummary> findAll(Collection<Long> residentIds) {
        if (residentIds.isEmpty()) {
            return List.of();
        }
        // Expanded IN (:ids) instead of a MyBatis <foreach>, which evaluated every id through OGNL: a batch of
        // graded quiz attempts reads its residents here.
        return jdbc.sql(SUMMARY_COLUMNS + "WHERE id IN (:ids)").param("ids", residentIds).query(this::summaryRow)
                .list();
    }

    /** Finds the active resident who bound this phone, by its keyed hash (the phone itself is never queried). */
    public Optional<ResidentSummary> findByPhone(String phone) {
        String hash = cipher.lookupHash(phone);
        return residents.selectList(new LambdaQueryWrapper<Resident>()
                        .eq(Resident::getPhoneHash, hash)
                        .eq(Resident::getStatus, Resident.ACTIVE))
                .stream().findFirst().map(views::summary);
    }

    /** The WeChat openid of an active resident, for the few features that send them subscribe messages. */
    public Optional<String> openid(long residentId) {
        return Optional.ofNullable(residents.selectById(residentId)).filter(Resident::isActive).map(Resident::getOpenid);
    }

    /** The bound phone in clear, for staff whose role may see phones (rosters of the district admin). */
    public Optional<String> phone(long residentId) {
        return Optional.ofNullable(residents.selectById(residentId)).filter(Resident::isActive)
                .map(Resident::getPhoneCipher).map(cipher::decrypt);
    }

    private ResidentSummary summaryRow(ResultSet rs, int row) throws SQLException {
        Resident r = new Resident();
        r.setId(rs.getLong("id"));
        r.setStatus(rs.getString("status"));
        r.setNickname(rs.getString("nickname"));
        r.setRegionCode(rs.getString("region_code"));
        r.setPopulationGroup(rs.getString("population_group"));
        r.setBirthYear(rs.getObject("birth_year", Integer.class));
        r.setElderMode(rs.getObject("elder_mode", Boolean.class));
        r.setPhoneMasked(rs.getString("phone_masked"));
        return views.summary(r);
    }
}
