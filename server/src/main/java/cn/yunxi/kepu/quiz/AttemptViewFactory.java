package cn.yunxi.kepu.quiz;

import java.io.StringWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.time.Times;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the JSON columns of an attempt and renders it for its owner. */
@Component
class AttemptViewFactory {

    private static final TypeReference<List<PaperItem>> PAPER = new TypeReference<>() { };
    private static final TypeReference<Map<Long, List<Integer>>> ANSWERS = new TypeReference<>() { };
    private static final TypeReference<List<Grading.ItemResult>> RESULTS = new TypeReference<>() { };

    private final JsonMapper json;
    private final CertificateMapper certificates;
    private final QuestionSnapshotRepository snapshots;
    private final Clock clock;

    AttemptViewFactory(JsonMapper json, CertificateMapper certificates, QuestionSnapshotRepository snapshots, Clock clock) {
        this.json = json;
        this.snapshots = snapshots;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** The questions as this attempt showed them, from its snapshot references (or the full copy an attempt without references keeps). */
    List<PaperItem> paper(Attempt a) {
        if (a.getPaperRefsJson() == null) {
            return json.readValue(a.getPaperJson(), PAPER);
        }
        List<PaperRef> refs = readRefs(a.getPaperRefsJson());
        Map<Long, PaperItem> questions = snapshots.byIds(refs.stream().map(PaperRef::snapshot).toList());
        List<PaperItem> paper = new ArrayList<>(refs.size());
        for (PaperRef ref : refs) {
            PaperItem question = questions.get(ref.snapshot());
            if (question == null) {
                throw new IllegalStateException("attempt " + a.getId() + " refers to missing snapshot " + ref.snapshot());
            }
            paper.add(question.inOrder(ref.order()));
        }
        return paper;
    }

    /**
     * {@code [[snapshot, [order...]], ...]} read token by token: data binding of this small, fixed shape cost more than
     * everything else in reading a paper, and grading reads one per submission.
     */
    List<PaperRef> readRefs(String text) {
        try (JsonParser p = json.createParser(text)) {
            expect(p.nextToken(), JsonToken.START_ARRAY, text);
            List<PaperRef> refs = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
                expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT, text);
                long snapshot = p.getLongValue();
                expect(p.nextToken(), JsonToken.START_ARRAY, text);
                List<Integer> order = new ArrayList<>(6);
                while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                    order.add(p.getIntValue());
                }
                expect(p.currentToken(), JsonToken.END_ARRAY, text);
                expect(p.nextToken(), JsonToken.END_ARRAY, text);
                refs.add(new PaperRef(snapshot, order));
            }
            expect(p.currentToken(), JsonToken.END_ARRAY, text);
            return refs;
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String text) {
        if (actual != expected) {
            throw new IllegalStateException("paper references are malformed: " + text);
        }
    }

    /** A new attempt's stored paper: each drawn question's snapshot (stored when new) and its option order. */
    String refs(List<PaperDrawer.Drawn> drawn) {
        List<Long> ids = snapshots.idsOf(drawn.stream().map(PaperDrawer.Drawn::question).toList());
        List<PaperRef> refs = new ArrayList<>(drawn.size());
        for (int i = 0; i < drawn.size(); i++) {
            refs.add(new PaperRef(ids.get(i), drawn.get(i).order()));
        }
        return json.writeValueAsString(refs);
    }

    Map<Long, List<Integer>> answers(Attempt a) {
        return a.getAnswersJson() == null ? new HashMap<>() : new HashMap<>(json.readValue(a.getAnswersJson(), ANSWERS));
    }

    /**
     * {@code {"12":[0,2],...}}, as data binding writes the map. Written with the streaming generator (here and in
     * {@link #writeResults}) because every graded attempt writes both, inside the batch's transaction.
     */
    String writeAnswers(Map<Long, List<Integer>> answers) {
        StringWriter out = new StringWriter(16 * answers.size() + 2);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<Long, List<Integer>> answer : answers.entrySet()) {
                g.writeName(Long.toString(answer.getKey()));
                writeIndexes(g, answer.getValue());
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    /** {@code [{"questionId":12,"selected":[0],"correct":true},...]}, as data binding writes the records. */
    String writeResults(List<Grading.ItemResult> results) {
        StringWriter out = new StringWriter(48 * results.size() + 2);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartArray();
            for (Grading.ItemResult r : results) {
                g.writeStartObject();
                g.writeNumberProperty("questionId", r.questionId());
                g.writeName("selected");
                writeIndexes(g, r.selected());
                g.writeBooleanProperty("correct", r.correct());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    private static void writeIndexes(JsonGenerator g, List<Integer> indexes) {
        g.writeStartArray();
        for (Integer index : indexes) {
            g.writeNumber(index);
        }
        g.writeEndArray();
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
        boolean open = Attempt.OPEN.equals(a.getStatus());
        List<AttemptView.ShownQuestion> shown = !open ? List.of() : paper.stream()
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
