package cn.yunxi.kepu.staff;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A staff account. {@code mustChangePassword}: the password was set by someone else (bootstrap, creation or reset by
 * an admin); the console asks the owner for a new one before anything else. {@code unitKind} tells a town from a
 * department.
 */
public record StaffView(long id, String username, String displayName, StaffRole role, String roleLabel, Long unitId,
                        @Nullable String unitName, @Nullable String unitKind, String status, boolean mustChangePassword,
                        @Nullable OffsetDateTime lastLoginAt) {
}
