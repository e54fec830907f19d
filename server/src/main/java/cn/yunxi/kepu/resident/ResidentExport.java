package cn.yunxi.kepu.resident;

import java.time.OffsetDateTime;
import java.util.Map;

/** GET /me/export: the profile plus one section per feature that keeps data about the resident. */
record ResidentExport(OffsetDateTime exportedAt, Map<String, Object> profile, Map<String, Object> sections) {
}
