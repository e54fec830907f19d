package cn.yunxi.kepu.quiz;

import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface QuizMapper extends BaseMapper<Quiz> {

    @Select("SELECT * FROM quiz WHERE status = 'PUBLISHED' ORDER BY FIELD(kind, 'DAILY', 'CONTEST', 'SELF_TEST', 'PRACTICE'), id")
    List<Quiz> published();

    @Delete("DELETE FROM quiz_paper_question WHERE quiz_id = #{quizId}")
    void clearPaper(@Param("quizId") long quizId);

    @Insert("INSERT INTO quiz_paper_question (quiz_id, position, question_id) VALUES (#{quizId}, #{position}, #{questionId})")
    void addToPaper(@Param("quizId") long quizId, @Param("position") int position, @Param("questionId") long questionId);

    @Select("SELECT question_id FROM quiz_paper_question WHERE quiz_id = #{quizId} ORDER BY position")
    List<Long> paperQuestionIds(@Param("quizId") long quizId);
}
