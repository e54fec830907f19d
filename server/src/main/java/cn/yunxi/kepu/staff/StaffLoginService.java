package cn.yunxi.kepu.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.security.SubjectType;
import cn.yunxi.kepu.common.security.TokenPair;
import cn.yunxi.kepu.common.security.TokenService;
import cn.yunxi.kepu.common.security.TokenService.RotatedSession;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;

/** Password login for staff with lockout after repeated failures. */
@Service
class StaffLoginService {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private final StaffAccountMapper accounts;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final StaffViews views;
    private final Clock clock;
    // Compared against when the username is unknown, so both failures take the same time.
    private final String dummyHash;

    StaffLoginService(StaffAccountMapper accounts, PasswordEncoder passwords, TokenService tokens, StaffViews views,
                      Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.views = views;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-real-password-" + System.nanoTime());
    }

    StaffRequests.LoginResponse login(String username, String password) {
        StaffAccount account = accounts.findByUsername(username);
        if (account == null) {
            passwords.matches(password, dummyHash);
            throw new ApiException(StaffErrors.BAD_CREDENTIALS);
        }
        LocalDateTime now = Times.now(clock);
        if (account.getLockedUntil() != null && account.getLockedUntil().isAfter(now)) {
            throw new ApiException(StaffErrors.ACCOUNT_LOCKED);
        }
        if (!passwords.matches(password, account.getPasswordHash())) {
            recordFailure(account, now);
            throw new ApiException(StaffErrors.BAD_CREDENTIALS);
        }
        if (!StaffAccount.ACTIVE.equals(account.getStatus())) {
            throw new ApiException(StaffErrors.ACCOUNT_DISABLED);
        }
        accounts.recordSuccess(account.getId(), now);
        TokenPair pair = tokens.startSession(SubjectType.STAFF, account.getId(), List.of(account.getRole()),
                account.getUnitId());
        return response(pair, accounts.selectById(account.getId()));
    }

    StaffRequests.LoginResponse refresh(String refreshToken) {
        RotatedSession rotated = tokens.rotate(refreshToken, SubjectType.STAFF);
        StaffAccount account = accounts.selectById(rotated.subjectId());
        if (account == null || !StaffAccount.ACTIVE.equals(account.getStatus())) {
            tokens.endSession(rotated.sessionId());
            throw new ApiException(StaffErrors.ACCOUNT_DISABLED);
        }
        TokenPair pair = tokens.continueSession(rotated, SubjectType.STAFF, List.of(account.getRole()),
                account.getUnitId());
        return response(pair, account);
    }

    void logout(String refreshToken) {
        tokens.endSession(refreshToken);
    }

    /**
     * Counts a failure; the fifth in a row locks the account. A lock that has run out starts a fresh count.
     * Compare-and-set with a few retries keeps concurrent failures from being lost.
     */
    private void recordFailure(StaffAccount account, LocalDateTime now) {
        StaffAccount current = account;
        for (int attempt = 0; attempt < 5 && current != null; attempt++) {
            boolean lockExpired = current.getLockedUntil() != null && !current.getLockedUntil().isAfter(now);
            int oldCount = current.getFailedLoginCount();
            int newCount = lockExpired ? 1 : oldCount + 1;
            LocalDateTime lockedUntil = newCount >= MAX_FAILURES ? now.plus(LOCK_DURATION)
                    : lockExpired ? null : current.getLockedUntil();
            if (accounts.recordFailure(current.getId(), oldCount, newCount, lockedUntil, now) == 1) {
                return;
            }
            current = accounts.selectById(current.getId());
        }
    }

    private StaffRequests.LoginResponse response(TokenPair pair, StaffAccount account) {
        return new StaffRequests.LoginResponse(pair.accessToken(), pair.accessTokenExpiresAt(), pair.refreshToken(),
                pair.refreshTokenExpiresAt(), views.view(account));
    }
}
