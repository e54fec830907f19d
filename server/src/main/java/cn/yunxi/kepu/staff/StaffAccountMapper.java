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

    /**
     * Compare-and-set on the failure counter, so two wrong passwords typed at the same moment both count.
     */
    @Update("UPDATE staff_account SET failed_login_count = #{newCount}, locked_until = #{lockedUntil}, "
            + "updated_at = #{now} WHERE id = #{id} AND failed_login_count = #{oldCount}")
    int recordFailure(@Param("id") long id, @Param("oldCount") int oldCount, @Param("newCount") int newCount,
                      @Param("lockedUntil") LocalDateTime lockedUntil, @Param("now") LocalDateTime now);

    @Update("UPDATE staff_account SET failed_login_count = 0, locked_until = NULL, last_login_at = #{now}, "
            + "updated_at = #{now} WHERE id = #{id}")
    int recordSuccess(@Param("id") long id, @Param("now") LocalDateTime now);

    @Select("SELECT COUNT(*) FROM staff_account WHERE role = 'DISTRICT_ADMIN' AND status = 'ACTIVE'")
    long countActiveDistrictAdmins();
}
