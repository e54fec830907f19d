package cn.yunxi.kepu.staff;

import java.time.Clock;
import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.security.SubjectType;
import cn.yunxi.kepu.common.security.TokenPair;
import cn.yunxi.kepu.common.security.TokenService;
import cn.yunxi.kepu.common.security.TokenService.RotatedSession;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;

/**
 * Password login for staff. Guessing is slowed down per (username, address) and per address by
 * {@link LoginThrottle}, never by locking the account (which anyone could do to anyone). Every failure, whatever
 * its cause (unknown name, wrong password, disabled account, throttled), gives the same answer after the same
 * work: exactly one BCrypt check (against a dummy hash where there is no real one to check) and one counting
 * update. The owner is told at their next login how many failures there were since their last one.
 */
@Service
class StaffLoginService {

    private final StaffAccountMapper accounts;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final StaffViewFactory views;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final String dummyHash;

    StaffLoginService(StaffAccountMapper accounts, PasswordEncoder passwords, TokenService tokens, StaffViewFactory views,
                      LoginThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.views = views;
        this.throttle = throttle;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-real-password-" + System.nanoTime());
    }

    StaffRequests.LoginResponse login(String username, String password, String address) {
        StaffAccount account = verify(username, password, address);
        int failuresBefore = account.getFailedLoginCount() == null ? 0 : account.getFailedLoginCount();
        accounts.recordSuccess(account.getId(), Times.now(clock));
        TokenPair pair = tokens.startSession(SubjectType.STAFF, account.getId(), List.of(account.getRole()),
                account.getUnitId());
        return response(pair, accounts.selectById(account.getId()), failuresBefore);
    }

    /**
     * The active account these credentials belong to, under the same throttle and with the same answer to every
     * failure as a login (also used to bind an organiser's WeChat, which is a login by another door).
     */
    StaffAccount verify(String username, String password, String address) {
        boolean throttled = throttle.throttled(username, address);
        StaffAccount account = accounts.findByUsername(username);
        // A password BCrypt cannot take (over 72 bytes) was never set, so it is wrong; it is checked against the dummy
        // hash in its place, keeping the work the same.
        boolean fits = StaffPasswords.fits(password);
        boolean checkable = account != null && !throttled && fits;
        boolean matches = passwords.matches(fits ? password : "x", checkable ? account.getPasswordHash() : dummyHash);
        if (!checkable || !matches || !StaffAccount.ACTIVE.equals(account.getStatus())) {
            // The same statement whether or not the name exists (it then changes no row).
            accounts.countFailure(username, Times.now(clock));
            throttle.failed(username, address);
            throw new ApiException(StaffErrors.BAD_CREDENTIALS);
        }
        throttle.succeeded(username, address);
        return account;
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
        return response(pair, account, 0);
    }

    void logout(String refreshToken) {
        tokens.endSession(refreshToken);
    }

    private StaffRequests.LoginResponse response(TokenPair pair, StaffAccount account, int failedLogins) {
        return new StaffRequests.LoginResponse(pair.accessToken(), pair.accessTokenExpiresAt(), pair.refreshToken(),
                pair.refreshTokenExpiresAt(), views.view(account), failedLogins);
    }
}
