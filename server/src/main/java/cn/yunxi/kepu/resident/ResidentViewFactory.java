package cn.yunxi.kepu.resident;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;

/** Turns resident rows into the views the API returns. */
@Component
class ResidentViewFactory {

    private final RegionService regions;
    private final AvatarImages avatars;

    ResidentViewFactory(RegionService regions, AvatarImages avatars) {
        this.regions = regions;
        this.avatars = avatars;
    }

    MeView me(Resident r) {
        PopulationGroup group = group(r);
        String avatarUrl = r.getAvatarKey() == null ? null : avatars.url(r.getAvatarKey()).orElse(null);
        return new MeView(r.getId(), r.getNickname(), r.getAvatarKey(), avatarUrl, r.getRegionCode(),
                regions.find(r.getRegionCode()).map(RegionInfo::name).orElse(null),
                group, group == null ? null : group.label(), r.getBirthYear(),
                Boolean.TRUE.equals(r.getElderMode()), r.getPrivacyPolicyVersion(),
                Times.toOffset(r.getPrivacyAcceptedAt()), r.getPhoneMasked(), Times.toOffset(r.getCreatedAt()));
    }

    ResidentSummary summary(Resident r) {
        return new ResidentSummary(r.getId(), r.isActive(), r.getNickname(), r.getRegionCode(), group(r),
                r.getBirthYear(), Boolean.TRUE.equals(r.getElderMode()), r.getPhoneMasked());
    }

    private static PopulationGroup group(Resident r) {
        return r.getPopulationGroup() == null ? null : PopulationGroup.valueOf(r.getPopulationGroup());
    }
}
