package cn.yunxi.kepu.quiz;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface CertificateMapper extends BaseMapper<Certificate> {

    /** One certificate per resident and contest (unique key): a second insert for a later pass is refused. */
    @Insert("INSERT INTO quiz_certificate (verify_no, quiz_id, resident_id, attempt_id, holder_name, title, quiz_title, "
            + "score, max_score, issued_at) VALUES (#{c.verifyNo}, #{c.quizId}, #{c.residentId}, #{c.attemptId}, "
            + "#{c.holderName}, #{c.title}, #{c.quizTitle}, #{c.score}, #{c.maxScore}, #{c.issuedAt})")
    int issue(@Param("c") Certificate certificate);


    @Select("SELECT * FROM quiz_certificate WHERE verify_no = #{verifyNo}")
    Certificate byVerifyNo(@Param("verifyNo") String verifyNo);

    @Select("SELECT * FROM quiz_certificate WHERE quiz_id = #{quizId} AND resident_id = #{residentId}")
    Certificate of(@Param("quizId") long quizId, @Param("residentId") long residentId);

    @Update("UPDATE quiz_certificate SET holder_name = NULL WHERE resident_id = #{residentId}")
    void eraseHolder(@Param("residentId") long residentId);
}
