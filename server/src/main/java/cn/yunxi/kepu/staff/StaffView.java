package cn.yunxi.kepu.staff;

import java.time.OffsetDateTime;

public record StaffView(long id, String username, String displayName, StaffRole role, String roleLabel,
                        Long unitId, String unitName, String status, OffsetDateTime lastLoginAt) {
}
