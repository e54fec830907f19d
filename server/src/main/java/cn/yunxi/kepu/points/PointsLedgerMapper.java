package cn.yunxi.kepu.points;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface PointsLedgerMapper extends BaseMapper<PointsLedgerEntry> {

    @Select("SELECT * FROM points_ledger WHERE reason = #{reason} AND source_key = #{sourceKey}")
    PointsLedgerEntry findBySource(@Param("reason") String reason, @Param("sourceKey") String sourceKey);

    @Select("SELECT COALESCE(SUM(amount), 0) FROM points_ledger WHERE resident_id = #{residentId}")
    long balance(@Param("residentId") long residentId);

    /** A ledger line, in static SQL: the generic insert builds its statement anew on every call. */
    @Insert("INSERT INTO points_ledger (resident_id, reason, source_key, requested, amount, award_day, created_at) "
            + "VALUES (#{e.residentId}, #{e.reason}, #{e.sourceKey}, #{e.requested}, #{e.amount}, #{e.awardDay}, "
            + "#{e.createdAt})")
    void add(@Param("e") PointsLedgerEntry entry);


    /** Makes sure the day's running-total row exists, so it can be locked. */
    @Insert("INSERT INTO points_daily_total (resident_id, reason, award_day, total) "
            + "VALUES (#{residentId}, #{reason}, #{day}, 0) ON DUPLICATE KEY UPDATE total = total")
    void ensureDailyTotal(@Param("residentId") long residentId, @Param("reason") String reason,
                          @Param("day") LocalDate day);

    /** Locks the day's running total (null before the day's first award): awards of one resident for one reason on one day queue up here. */
    @Select("SELECT total FROM points_daily_total WHERE resident_id = #{residentId} AND reason = #{reason} "
            + "AND award_day = #{day} FOR UPDATE")
    Integer lockDailyTotal(@Param("residentId") long residentId, @Param("reason") String reason,
                       @Param("day") LocalDate day);

    @Update("UPDATE points_daily_total SET total = total + #{amount} WHERE resident_id = #{residentId} "
            + "AND reason = #{reason} AND award_day = #{day}")
    void addToDailyTotal(@Param("residentId") long residentId, @Param("reason") String reason,
                         @Param("day") LocalDate day, @Param("amount") int amount);

    @Select("SELECT reason, total FROM points_daily_total WHERE resident_id = #{residentId} AND award_day = #{day}")
    List<DailyTotal> dailyTotals(@Param("residentId") long residentId, @Param("day") LocalDate day);

    class DailyTotal {
        private String reason;
        private Integer total;

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
        public Integer getTotal() { return total; }
        public void setTotal(Integer total) { this.total = total; }
    }
}
