package cn.yunxi.kepu.quiz;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface QuestionMapper extends BaseMapper<Question> {

    @Select("SELECT * FROM quiz_question WHERE status = 'ACTIVE'")
    List<Question> active();

    /** A fixed paper as it can be drawn now: an archived question leaves every paper. */
    @Select("SELECT q.* FROM quiz_paper_question p JOIN quiz_question q ON q.id = p.question_id "
            + "WHERE p.quiz_id = #{quizId} AND q.status = 'ACTIVE' ORDER BY p.position")
    List<Question> paperOf(@Param("quizId") long quizId);

    /**
     * A question practice may grade: active, in the practice pool and on no fixed paper of a quiz that is not
     * closed (a fixed paper only takes exam questions; this also holds for papers made before the pools).
     */
    @Select("SELECT q.* FROM quiz_question q WHERE q.id = #{id} AND q.status = 'ACTIVE' AND q.pool = 'PRACTICE' "
            + "AND NOT EXISTS (SELECT 1 FROM quiz_paper_question p JOIN quiz z ON z.id = p.quiz_id "
            + "WHERE p.question_id = q.id AND z.status <> 'CLOSED')")
    Question practicable(@Param("id") long id);

    @Select("SELECT benchmark_no AS benchmarkNo, dimension, name FROM sci_benchmark ORDER BY benchmark_no")
    List<BenchmarkView> benchmarks();
}
