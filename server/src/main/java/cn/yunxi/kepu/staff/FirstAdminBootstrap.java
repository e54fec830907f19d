package cn.yunxi.kepu.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.web.ApiException;

/**
 * There is no default password. The first district admin is created from KEPU_BOOTSTRAP_ADMIN_USERNAME and
 * KEPU_BOOTSTRAP_ADMIN_PASSWORD, once, when no active district admin exists; afterwards the variables are
 * ignored and can be removed.
 */
@Component
class FirstAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final StaffAccountMapper accounts;
    private final StaffAdminService staff;
    private final String username;
    private final String password;

    FirstAdminBootstrap(StaffAccountMapper accounts, StaffAdminService staff,
                        @Value("${kepu.bootstrap-admin.username:}") String username,
                        @Value("${kepu.bootstrap-admin.password:}") String password) {
        this.accounts = accounts;
        this.staff = staff;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.countActiveDistrictAdmins() > 0) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            log.warn("No district admin exists yet. Set KEPU_BOOTSTRAP_ADMIN_USERNAME and "
                    + "KEPU_BOOTSTRAP_ADMIN_PASSWORD (at least 10 characters) and restart to create the first one.");
            return;
        }
        if (!StaffPasswords.fits(password)) {
            throw new IllegalStateException("KEPU_BOOTSTRAP_ADMIN_PASSWORD is longer than 72 bytes (BCrypt's limit; "
                    + "a Chinese character is 3 bytes): choose a shorter one");
        }
        if (password.length() < 10) {
            throw new IllegalStateException("KEPU_BOOTSTRAP_ADMIN_PASSWORD must be at least 10 characters");
        }
        try {
            staff.insert(username, "区级管理员", StaffRole.DISTRICT_ADMIN, null, password);
        } catch (ApiException e) {
            // Several instances of a new deployment start at once and all find no admin: the username's unique
            // key lets one create it; the others must start normally rather than fail on its duplicate.
            if (e.errorCode() == StaffErrors.USERNAME_TAKEN && accounts.countActiveDistrictAdmins() > 0) {
                log.info("The first district admin was created by another instance starting at the same time");
                return;
            }
            throw e;
        }
        log.info("Created the first district admin '{}'", username);
    }
}
