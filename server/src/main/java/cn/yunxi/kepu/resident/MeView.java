package cn.yunxi.kepu.resident;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * The resident's own profile as the mini-program shows it. The phone appears masked only.
 *
 * @param avatarUrl a short-lived, signed URL of the avatar scaled for display (null without an avatar)
 */
public record MeView(long id, @Nullable String nickname, @Nullable String avatarKey, @Nullable String avatarUrl,
                     @Nullable String regionCode, @Nullable String regionName,
                     @Nullable PopulationGroup populationGroup, @Nullable String populationGroupLabel,
                     Integer birthYear, boolean elderMode, @Nullable String privacyPolicyVersion,
                     @Nullable OffsetDateTime privacyAcceptedAt, @Nullable String phoneMasked,
                     OffsetDateTime createdAt) {
}
