package cn.yunxi.kepu.quiz;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A certificate issued for passing a contest; verifiable by its random number. */
@TableName("quiz_certificate")
class Certificate {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String verifyNo;
    private Long quizId;
    private Long residentId;
    private Long attemptId;
    private String holderName;
    private String title;
    private String quizTitle;
    private Integer score;
    private Integer maxScore;
    private LocalDateTime issuedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getVerifyNo() { return verifyNo; }
    public void setVerifyNo(String verifyNo) { this.verifyNo = verifyNo; }
    public Long getQuizId() { return quizId; }
    public void setQuizId(Long quizId) { this.quizId = quizId; }
    public Long getResidentId() { return residentId; }
    public void setResidentId(Long residentId) { this.residentId = residentId; }
    public Long getAttemptId() { return attemptId; }
    public void setAttemptId(Long attemptId) { this.attemptId = attemptId; }
    public String getHolderName() { return holderName; }
    public void setHolderName(String holderName) { this.holderName = holderName; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getQuizTitle() { return quizTitle; }
    public void setQuizTitle(String quizTitle) { this.quizTitle = quizTitle; }
    public Integer getScore() { return score; }
    public void setScore(Integer score) { this.score = score; }
    public Integer getMaxScore() { return maxScore; }
    public void setMaxScore(Integer maxScore) { this.maxScore = maxScore; }
    public LocalDateTime getIssuedAt() { return issuedAt; }
    public void setIssuedAt(LocalDateTime issuedAt) { this.issuedAt = issuedAt; }
}
