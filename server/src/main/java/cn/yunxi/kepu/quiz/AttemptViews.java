package cn.yunxi.kepu.quiz;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.time.Times;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the JSON columns of an attempt and renders it for its owner. */
@Component
class AttemptViews {

    private static final TypeReference<List<PaperItem>> PAPER = new TypeReference<>() { };
    private static final TypeReference<Map<Long, List<Integer>>> ANSWERS = new TypeReference<>() { };
    private static final TypeReference<List<Grading.ItemResult>> RESULTS = new TypeReference<>() { };

    private final JsonMapper json;
    private final CertificateMapper certificates;
    private final Clock clock;

    AttemptViews(JsonMapper json, CertificateMapper certificates, Clock clock) {
        this.json = json;
        this.certificates = certificates;
        this.clock = clock;
    }

    List<PaperItem> paper(Attempt a) {
        return json.readValue(a.getPaperJson(), PAPER);
    }

    Map<Long, List<Integer>> answers(Attempt a) {
        return a.getAnswersJson() == null ? new HashMap<>() : new HashMap<>(json.readValue(a.getAnswersJson(), ANSWERS));
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    AttemptView view(Attempt a, String title) {
        List<Grading.ItemResult> results = Attempt.OPEN.equals(a.getStatus()) ? null
                : json.readValue(a.getResultJson(), RESULTS);
        return view(a, title, paper(a), answers(a), results, null);
    }

    /**
     * Renders an attempt whose JSON columns the caller has already parsed (results null while it is open);
     * {@code knownCertificateNo}, when the caller has just issued or found it, spares looking it up.
     */
    AttemptView view(Attempt a, String title, List<PaperItem> paper, Map<Long, List<Integer>> saved,
                     List<Grading.ItemResult> results, String knownCertificateNo) {
        List<AttemptView.ShownQuestion> shown = paper.stream()
                .map(p -> new AttemptView.ShownQuestion(p.questionId(), p.type(), p.type().label(), p.stem(), p.options()))
                .toList();
        AttemptView.Result result = null;
        if (!Attempt.OPEN.equals(a.getStatus())) {
            Map<Long, Grading.ItemResult> byId = new HashMap<>();
            results.forEach(r -> byId.put(r.questionId(), r));
            List<AttemptView.ResultItem> items = paper.stream().map(p -> {
                Grading.ItemResult r = byId.get(p.questionId());
                return new AttemptView.ResultItem(p.questionId(), p.stem(), p.options(),
                        r == null ? List.of() : r.selected(), p.correct(), r != null && r.correct(), p.explanation());
            }).toList();
            String certificateNo = knownCertificateNo;
            if (certificateNo == null && QuizKind.CONTEST.name().equals(a.getKind()) && Boolean.TRUE.equals(a.getPassed())) {
                Certificate c = certificates.of(a.getQuizId(), a.getResidentId());
                certificateNo = c == null ? null : c.getVerifyNo();
            }
            result = new AttemptView.Result(a.getScore(), a.getMaxScore(), a.getCorrectCount(), a.getQuestionCount(),
                    Boolean.TRUE.equals(a.getPassed()), Boolean.TRUE.equals(a.getLate()), a.getDurationMs(),
                    Times.toOffset(a.getFinishedAt()), certificateNo, items);
        }
        OffsetDateTime now = Times.toOffset(Times.now(clock));
        return new AttemptView(a.getId(), a.getQuizId(), QuizKind.valueOf(a.getKind()), title, a.getAttemptNo(),
                a.getStatus(), Times.toOffset(a.getStartedAt()), Times.toOffset(a.getDeadlineAt()),
                Boolean.TRUE.equals(a.getCountdown()), now, shown, saved, result);
    }
}
