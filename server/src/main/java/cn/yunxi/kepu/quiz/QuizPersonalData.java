package cn.yunxi.kepu.quiz;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.personaldata.PersonalDataSection;
import cn.yunxi.kepu.resident.ResidentDeleted;

/**
 * The resident's quiz data in "export my data", and its erasure when the account is deleted: the certificate
 * name, the wrong-answer book, streak and preferences go; graded attempts stay as anonymous participation.
 */
@Component
class QuizPersonalData implements PersonalDataSection {

    private final AttemptMapper attempts;
    private final CertificateService certificates;
    private final CertificateMapper certificateRows;
    private final QuizStateMapper state;

    QuizPersonalData(AttemptMapper attempts, CertificateService certificates, CertificateMapper certificateRows,
                     QuizStateMapper state) {
        this.attempts = attempts;
        this.certificates = certificates;
        this.certificateRows = certificateRows;
        this.state = state;
    }

    @Override
    public String name() {
        return "quizzes";
    }

    @Override
    public Object export(long residentId) {
        return new Export(attempts.mine(residentId, 10_000, 0), certificates.mine(residentId),
                state.wrongBookSize(residentId), Boolean.TRUE.equals(state.optIn(residentId)));
    }

    record Export(List<AttemptMapper.AttemptSummaryRow> attempts, List<CertificateService.CertificateView> certificates,
                  long wrongBookSize, boolean leaderboardOptIn) {
    }

    @ApplicationModuleListener
    void on(ResidentDeleted event) {
        certificateRows.eraseHolder(event.residentId());
        state.deleteWrongBook(event.residentId());
        state.deleteStreak(event.residentId());
        state.deletePref(event.residentId());
    }
}
