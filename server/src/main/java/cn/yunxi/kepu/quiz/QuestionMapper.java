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

    @Select("SELECT q.* FROM quiz_paper_question p JOIN quiz_question q ON q.id = p.question_id "
            + "WHERE p.quiz_id = #{quizId} ORDER BY p.position")
    List<Question> paperOf(@Param("quizId") long quizId);

    @Select("SELECT benchmark_no AS benchmarkNo, dimension, name FROM sci_benchmark ORDER BY benchmark_no")
    List<BenchmarkView> benchmarks();
}
