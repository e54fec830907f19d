package cn.yunxi.kepu.quiz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.yunxi.kepu.common.time.Times;
import tools.jackson.databind.json.JsonMapper;

/**
 * Questions as attempts showed them, stored once per version ({@code quiz_question_snapshot}) instead of copied into
 * every attempt: a contest's thousands of attempts share ten rows, an attempt row stays small, and grading reads the
 * questions from memory instead of parsing a 3 KB copy per attempt. A snapshot never changes once written, so both
 * directions are cached without expiry (bounded in size).
 */
@Component
class QuestionSnapshotRepository {

    /** A no-op on an existing digest; either way the row is then read back by its digest. */
    private static final String UPSERT = "INSERT INTO quiz_question_snapshot (question_id, digest, body_json, created_at) "
            + "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE digest = digest";

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final JsonMapper json;
    private final Clock clock;
    private final Cache<Long, PaperItem> byId = Caffeine.newBuilder().maximumSize(20_000).build();
    private final Cache<String, Long> idByDigest = Caffeine.newBuilder().maximumSize(20_000).build();

    QuestionSnapshotRepository(JdbcTemplate jdbc, JdbcClient client, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.client = client;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The snapshot id of each question (options in bank order), in the given order, storing the versions not seen
     * before in the caller's transaction. New rows are written in digest order, so two starts showing the same new
     * questions wait for each other instead of deadlocking; they are remembered only once that transaction commits.
     */
    List<Long> idsOf(List<PaperItem> questions) {
        Map<String, PaperItem> unknown = new TreeMap<>();
        List<String> digests = new ArrayList<>(questions.size());
        Map<String, String> bodies = new HashMap<>();
        for (PaperItem q : questions) {
            String body = json.writeValueAsString(q);
            String digest = sha256(body);
            digests.add(digest);
            if (idByDigest.getIfPresent(digest) == null) {
                unknown.put(digest, q);
                bodies.put(digest, body);
            }
        }
        Map<String, Long> fresh = unknown.isEmpty() ? Map.of() : store(unknown, bodies);
        List<Long> ids = new ArrayList<>(questions.size());
        for (String digest : digests) {
            Long id = fresh.containsKey(digest) ? fresh.get(digest) : idByDigest.getIfPresent(digest);
            if (id == null) {
                throw new IllegalStateException("question snapshot " + digest + " not found after storing it");
            }
            ids.add(id);
        }
        return ids;
    }

    private Map<String, Long> store(Map<String, PaperItem> unknown, Map<String, String> bodies) {
        var now = Times.now(clock);
        List<Map.Entry<String, PaperItem>> rows = new ArrayList<>(unknown.entrySet());
        jdbc.batchUpdate(UPSERT, rows, rows.size(), (ps, e) -> {
            ps.setLong(1, e.getValue().questionId());
            ps.setString(2, e.getKey());
            ps.setString(3, bodies.get(e.getKey()));
            ps.setObject(4, now);
        });
        Map<String, Long> ids = new LinkedHashMap<>();
        client.sql("SELECT id, digest FROM quiz_question_snapshot WHERE digest IN (:digests)")
                .param("digests", List.copyOf(unknown.keySet()))
                .query(rs -> {
                    ids.put(rs.getString("digest"), rs.getLong("id"));
                });
        Runnable remember = () -> ids.forEach((digest, id) -> {
            idByDigest.put(digest, id);
            byId.put(id, unknown.get(digest));
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a rolled-back start must not leave an id in memory that the database never kept
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember.run();
                }
            });
        } else {
            remember.run();
        }
        return ids;
    }

    /** The questions of these snapshot ids (options in bank order), reading the ones not in memory with one query. */
    Map<Long, PaperItem> byIds(List<Long> ids) {
        Map<Long, PaperItem> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            PaperItem q = byId.getIfPresent(id);
            if (q == null) {
                missing.add(id);
            } else {
                found.put(id, q);
            }
        }
        if (!missing.isEmpty()) {
            client.sql("SELECT id, body_json FROM quiz_question_snapshot WHERE id IN (:ids)")
                    .param("ids", missing)
                    .query(rs -> {
                        PaperItem q = json.readValue(rs.getString("body_json"), PaperItem.class);
                        byId.put(rs.getLong("id"), q);
                        found.put(rs.getLong("id"), q);
                    });
        }
        return found;
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
