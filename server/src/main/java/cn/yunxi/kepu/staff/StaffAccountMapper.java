package cn.yunxi.kepu.staff;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface StaffAccountMapper extends BaseMapper<StaffAccount> {

    @Select("SELECT * FROM staff_account WHERE username = #{username}")
    StaffAccount findByUsername(@Param("username") String username);

    /** Failed logins since the last successful one, told to the owner at their next login; never locks. */
    @Update("UPDATE staff_account SET failed_login_count = failed_login_count + 1, updated_at = #{now} "
            + "WHERE username = #{username}")
    int countFailure(@Param("username") String username, @Param("now") LocalDateTime now);

    @Update("UPDATE staff_account SET failed_login_count = 0, last_login_at = #{now}, "
            + "updated_at = #{now} WHERE id = #{id}")
    int recordSuccess(@Param("id") long id, @Param("now") LocalDateTime now);

    @Update("UPDATE staff_account SET display_name = #{displayName}, role = #{role}, unit_id = #{unitId}, "
            + "updated_at = #{now} WHERE id = #{id}")
    int updateProfile(@Param("id") long id, @Param("displayName") String displayName, @Param("role") String role,
                      @Param("unitId") Long unitId, @Param("now") LocalDateTime now);

    @Select("SELECT COUNT(*) FROM staff_account WHERE role = 'DISTRICT_ADMIN' AND status = 'ACTIVE'")
    long countActiveDistrictAdmins();
}
