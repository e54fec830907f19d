package cn.yunxi.kepu.common.security;

import java.util.Set;

/**
 * The authenticated caller, taken from a verified access token. Controllers receive it with
 * {@code @AuthenticationPrincipal CurrentUser user} and pass its id down, so every lookup of a user-owned
 * record is scoped to the caller.
 *
 * @param roles  staff roles (empty for residents)
 * @param unitId the staff member's unit, null for residents and the district admin
 */
public record CurrentUser(SubjectType type, long id, long sessionId, Set<String> roles, Long unitId) {

    public boolean isResident() {
        return type == SubjectType.RESIDENT;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
