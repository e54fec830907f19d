package cn.yunxi.kepu.course;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the course endpoints. */
final class CourseRequests {

    private CourseRequests() {
    }

    /**
     * The whole course as the editor holds it. Lessons that carry an {@code id} are the existing lessons (kept, so
     * residents' progress stays); lessons without one are new; existing lessons left out are removed.
     */
    record SaveCourse(@NotBlank(message = "请填写课程名称") @Size(max = 60, message = "课程名称不超过 60 个字") String title,
                      @Size(max = 200, message = "简介不超过 200 个字") String summary,
                      @NotNull(message = "请选择课程类别") CourseTopic topic,
                      @Size(max = 255, message = "封面图片标识过长") String coverImage,
                      @Valid @Size(max = 30, message = "一门课程最多 30 课") List<@NotNull(message = "课不能为空") SaveLesson> lessons) {
    }

    record SaveLesson(@Positive(message = "课的编号不正确") Long id,
                      @NotBlank(message = "请填写这一课的名称") @Size(max = 60, message = "课的名称不超过 60 个字") String title,
                      @NotEmpty(message = "每课至少一个步骤") @Size(max = 30, message = "每课最多 30 个步骤")
                      @Valid List<@NotNull(message = "步骤不能为空") SaveStep> steps,
                      @Size(max = 3, message = "每课最多 3 道练习题") List<@NotNull(message = "题目编号不能为空") @Positive(message = "题目编号不正确") Long> practiceQuestionIds) {
    }

    record SaveStep(@NotBlank(message = "每个步骤都要有一张图片") @Size(max = 255, message = "图片标识过长") String image,
                    @NotBlank(message = "每个步骤都要有一两句说明") @Size(max = 80, message = "每个步骤的说明不超过 80 个字") String caption,
                    @Size(max = 255, message = "录音标识过长") String narrationKey) {
    }

    @Schema(name = "CourseProgress")
    record Progress(@NotNull(message = "缺少步骤序号") @Min(value = 1, message = "步骤从 1 开始") Integer step) {
    }

    @Schema(name = "CourseAnswer")
    record Answer(@NotNull(message = "请选择答案") @Size(max = 8, message = "选项过多") List<@NotNull(message = "选项不能为空") Integer> selected) {
    }

    @Schema(name = "CoursePracticeAnswer")
    record PracticeAnswer(@NotNull(message = "缺少题目编号") Long questionId,
                          @NotNull(message = "请选择答案") @Size(max = 8, message = "选项过多") List<@NotNull(message = "选项不能为空") Integer> selected) {
    }

    @Schema(name = "CourseCompletion")
    record Completion(@NotNull(message = "请提交练习题的答案") @Size(max = 3, message = "每课最多 3 道练习题")
                      @Valid List<@NotNull(message = "答案不能为空") PracticeAnswer> answers) {
    }

    record EventLink(@NotNull(message = "请选择活动") @Positive(message = "活动编号不正确") Long eventId,
                     @NotNull(message = "请选择要关联的课") @Positive(message = "课的编号不正确") Long lessonId) {
    }
}
