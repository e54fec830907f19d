package cn.yunxi.kepu.resident;

import java.time.OffsetDateTime;

/**
 * The resident's own profile as the mini-program shows it. The phone appears masked only.
 *
 * @param avatarUrl a short-lived, signed URL of the avatar scaled for display (null without an avatar)
 */
public record MeView(long id, String nickname, String avatarKey, String avatarUrl, String regionCode,
                     String regionName, PopulationGroup populationGroup, String populationGroupLabel,
                     Integer birthYear, boolean elderMode, String privacyPolicyVersion,
                     OffsetDateTime privacyAcceptedAt, String phoneMasked, OffsetDateTime createdAt) {
}
