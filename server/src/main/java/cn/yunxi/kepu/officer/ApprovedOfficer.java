package cn.yunxi.kepu.officer;

/**
 * A resident who is an approved 科普信息员 or 科普宣传员, as other features may show them: the masked name and the
 * village or community they serve.
 */
public record ApprovedOfficer(long residentId, OfficerRole role, String nameMasked, String regionCode) {
}
