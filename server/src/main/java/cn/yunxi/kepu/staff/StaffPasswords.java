package cn.yunxi.kepu.staff;

import java.nio.charset.StandardCharsets;

import cn.yunxi.kepu.common.web.ApiException;

/**
 * BCrypt reads at most 72 bytes of a password (and Spring Security refuses longer ones outright), so a staff password
 * is limited in UTF-8 bytes, not characters: 40 Chinese characters are 120 bytes. Checked wherever a password is set.
 */
final class StaffPasswords {

    static final int MAX_BYTES = 72;

    private StaffPasswords() {
    }

    static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    static void requireFits(String password) {
        if (!fits(password)) {
            throw new ApiException(StaffErrors.PASSWORD_TOO_LONG);
        }
    }
}
