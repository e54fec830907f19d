package cn.yunxi.kepu.quiz;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;

/**
 * Certificates for passing a contest. The verification number is 100 random bits in Crockford base32 (20
 * characters, no I/L/O/U), so numbers cannot be guessed or enumerated.
 */
@Service
class CertificateService {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificateMapper certificates;
    private final QuizBatchWriter writer;
    private final Clock clock;

    CertificateService(CertificateMapper certificates, QuizBatchWriter writer, Clock clock) {
        this.certificates = certificates;
        this.writer = writer;
        this.clock = clock;
    }

    static String newVerifyNo() {
        byte[] bits = new byte[13]; // 104 random bits, of which 100 are used: 5 per character
        RANDOM.nextBytes(bits);
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            int bit = i * 5;
            int window = ((bits[bit / 8] & 0xFF) << 8) | (bits[bit / 8 + 1] & 0xFF);
            sb.append(ALPHABET[(window >>> (11 - bit % 8)) & 31]);
        }
        return sb.toString();
    }

    /**
     * Issues the contest's certificate; a resident who already holds one keeps it (a later pass changes nothing).
     * Returns the number of the certificate the resident holds.
     */
    String issue(Quiz quiz, Attempt attempt, String holderName) {
        Certificate c = newCertificate(quiz, attempt, holderName);
        try {
            certificates.issue(c);
            return c.getVerifyNo();
        } catch (DuplicateKeyException held) {
            // Only this statement failed (the caller's transaction goes on): the first certificate stands.
            Certificate first = certificates.of(quiz.getId(), attempt.getResidentId());
            return first == null ? null : first.getVerifyNo();
        }
    }

    private Certificate newCertificate(Quiz quiz, Attempt attempt, String holderName) {
        Certificate c = new Certificate();
        c.setVerifyNo(newVerifyNo());
        c.setQuizId(quiz.getId());
        c.setResidentId(attempt.getResidentId());
        c.setAttemptId(attempt.getId());
        c.setHolderName(holderName);
        c.setTitle(quiz.getCertificateTitle() != null ? quiz.getCertificateTitle() : quiz.getTitle() + " 合格证书");
        c.setQuizTitle(quiz.getTitle());
        c.setScore(attempt.getScore());
        c.setMaxScore(attempt.getMaxScore());
        c.setIssuedAt(Times.now(clock));
        return c;
    }

    /** A pass that earns the contest's certificate. */
    record Issue(Quiz quiz, Attempt attempt, String holderName) {
    }

    /**
     * {@link #issue} for a batch of passes: certificates already held are kept, the others inserted with one
     * statement. Returns, by attempt id, the number of the certificate its resident holds now. Should an insert
     * still collide (the same resident passing on another instance at this moment), one at a time instead.
     */
    Map<Long, String> issueAll(List<Issue> passes) {
        if (passes.isEmpty()) {
            return Map.of();
        }
        List<Certificate> wanted = passes.stream().map(p -> newCertificate(p.quiz(), p.attempt(), p.holderName())).toList();
        // A resident's first attempt at a contest cannot hold its certificate yet, so a batch of first attempts looks
        // nothing up; were one held after all, the unique key refuses the insert and all are issued one at a time.
        boolean firstAttempts = passes.stream().allMatch(p -> p.attempt().getAttemptNo() == 1);
        Map<String, String> held = firstAttempts ? new HashMap<>() : writer.heldCertificates(wanted);
        List<Certificate> fresh = new ArrayList<>();
        for (Certificate c : wanted) {
            // a resident's first pass in this batch issues it; a later one (or one held before) keeps that number
            held.computeIfAbsent(c.getQuizId() + ":" + c.getResidentId(), k -> {
                fresh.add(c);
                return c.getVerifyNo();
            });
        }
        if (!fresh.isEmpty()) {
            try {
                writer.insertCertificates(fresh);
            } catch (DuplicateKeyException collided) {
                // Only this statement failed, nothing of it was written.
                Map<Long, String> one = new HashMap<>();
                passes.forEach(p -> one.put(p.attempt().getId(), issue(p.quiz(), p.attempt(), p.holderName())));
                return one;
            }
        }
        Map<Long, String> byAttempt = new HashMap<>();
        for (Issue p : passes) {
            byAttempt.put(p.attempt().getId(), held.get(p.quiz().getId() + ":" + p.attempt().getResidentId()));
        }
        return byAttempt;
    }

    /** Public check of a certificate number; the holder's name is masked. */
    CertificateView verify(String verifyNo) {
        String normalised = verifyNo == null ? "" : verifyNo.strip().toUpperCase();
        Certificate c = normalised.length() == 20 ? certificates.byVerifyNo(normalised) : null;
        if (c == null) {
            throw new ApiException(QuizErrors.CERTIFICATE_NOT_FOUND);
        }
        return view(c);
    }

    List<CertificateView> mine(long residentId) {
        return certificates.selectList(new LambdaQueryWrapper<Certificate>()
                .eq(Certificate::getResidentId, residentId).orderByDesc(Certificate::getId)).stream().map(this::view).toList();
    }

    private CertificateView view(Certificate c) {
        String holder = c.getHolderName() == null ? "居民" : PersonalDataCipher.maskName(c.getHolderName());
        return new CertificateView(c.getVerifyNo(), holder, c.getTitle(), c.getQuizTitle(), c.getScore(),
                c.getMaxScore(), Times.toOffset(c.getIssuedAt()));
    }

    /** What the mini-program renders a certificate from, and what the public check returns. */
    record CertificateView(String verifyNo, String holderName, String title, String quizTitle, int score, int maxScore,
                           OffsetDateTime issuedAt) {
    }
}
