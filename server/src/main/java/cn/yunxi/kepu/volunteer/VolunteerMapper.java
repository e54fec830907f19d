package cn.yunxi.kepu.volunteer;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface VolunteerMapper extends BaseMapper<Volunteer> {

    @Select("SELECT * FROM volunteer WHERE resident_id = #{residentId}")
    Volunteer byResident(@Param("residentId") long residentId);

    @Update("UPDATE volunteer SET status = #{to}, review_note = #{note}, reviewed_by = #{staffId}, reviewed_at = #{now}, "
            + "updated_at = #{now} WHERE id = #{id} AND status = 'PENDING'")
    int review(@Param("id") long id, @Param("to") String to, @Param("note") String note,
               @Param("staffId") long staffId, @Param("now") LocalDateTime now);

    /** Idempotent per attendance record: a redelivered event credits nothing twice. */
    @Insert("INSERT IGNORE INTO volunteer_service (volunteer_id, attendance_id, event_id, event_title, hours, served_on, created_at) "
            + "VALUES (#{s.volunteerId}, #{s.attendanceId}, #{s.eventId}, #{s.eventTitle}, #{s.hours}, #{s.servedOn}, #{s.createdAt})")
    int recordService(@Param("s") ServiceHours service);

    @Update("UPDATE volunteer SET total_hours = total_hours + #{hours}, service_count = service_count + 1, "
            + "updated_at = #{now} WHERE id = #{id}")
    int addHours(@Param("id") long id, @Param("hours") BigDecimal hours, @Param("now") LocalDateTime now);

    @Update("UPDATE volunteer SET real_name_cipher = NULL, real_name_masked = NULL, availability = NULL "
            + "WHERE resident_id = #{residentId}")
    int erase(@Param("residentId") long residentId);
}
