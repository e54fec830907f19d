package cn.yunxi.kepu.resident;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;
import cn.yunxi.kepu.common.personaldata.PersonalDataSection;
import cn.yunxi.kepu.common.ratelimit.RateLimiter;
import cn.yunxi.kepu.common.security.SubjectType;
import cn.yunxi.kepu.common.security.TokenService;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.wechat.WechatClient;

/** A resident's own profile: read, edit, bind phone, export, delete. Always by the caller's own id. */
@Service
class ResidentProfileService {

    private final ResidentMapper residents;
    private final ResidentViewFactory views;
    private final RegionService regions;
    private final WechatClient wechat;
    private final PersonalDataCipher cipher;
    private final RateLimiter rateLimiter;
    private final TokenService tokens;
    private final List<PersonalDataSection> dataSections;
    private final ApplicationEventPublisher events;
    private final AvatarImages avatars;
    private final Clock clock;

    ResidentProfileService(ResidentMapper residents, ResidentViewFactory views, RegionService regions, WechatClient wechat,
                           PersonalDataCipher cipher, RateLimiter rateLimiter, TokenService tokens,
                           List<PersonalDataSection> dataSections, ApplicationEventPublisher events,
                           AvatarImages avatars, Clock clock) {
        this.residents = residents;
        this.views = views;
        this.regions = regions;
        this.wechat = wechat;
        this.cipher = cipher;
        this.rateLimiter = rateLimiter;
        this.tokens = tokens;
        this.dataSections = dataSections;
        this.events = events;
        this.avatars = avatars;
        this.clock = clock;
    }

    MeView me(long residentId) {
        return views.me(active(residentId));
    }

    @Transactional
    MeView update(long residentId, UpdateMeRequest request) {
        Resident current = active(residentId);
        Resident change = new Resident();
        change.setId(current.getId());
        change.setNickname(request.nickname() == null ? null : request.nickname().strip());
        if (request.avatarKey() != null && !request.avatarKey().equals(current.getAvatarKey())) {
            switch (avatars.check(residentId, request.avatarKey())) {
                case OK -> change.setAvatarKey(request.avatarKey());
                case FLAGGED -> throw new ApiException(ResidentErrors.AVATAR_REJECTED);
                case NOT_OWNED -> throw new ApiException(ResidentErrors.AVATAR_INVALID);
            }
        }
        if (request.regionCode() != null) {
            if (!regions.isVillage(request.regionCode())) {
                throw new ApiException(ResidentErrors.REGION_NOT_VILLAGE);
            }
            change.setRegionCode(request.regionCode());
        }
        if (request.populationGroup() != null) {
            change.setPopulationGroup(request.populationGroup().name());
        }
        if (request.birthYear() != null) {
            int thisYear = Year.now(clock).getValue();
            if (request.birthYear() < thisYear - 120 || request.birthYear() > thisYear) {
                throw new ApiException(ResidentErrors.BIRTH_YEAR_INVALID);
            }
            change.setBirthYear(request.birthYear());
        }
        change.setElderMode(request.elderMode());
        LocalDateTime now = Times.now(clock);
        if (request.privacyPolicyVersion() != null
                && !request.privacyPolicyVersion().equals(current.getPrivacyPolicyVersion())) {
            change.setPrivacyPolicyVersion(request.privacyPolicyVersion());
            change.setPrivacyAcceptedAt(now);
        }
        change.setUpdatedAt(now);
        residents.updateById(change);
        return views.me(residents.selectById(residentId));
    }

    /** The WeChat call happens before the transaction; only the encrypted phone, its hash and mask are kept. */
    MeView bindPhone(long residentId, String code) {
        active(residentId);
        rateLimiter.acquire("bind-phone", Long.toString(residentId), 5, Duration.ofHours(1));
        String phone = wechat.phoneNumber(code);
        Resident change = new Resident();
        change.setId(residentId);
        change.setPhoneCipher(cipher.encrypt(phone));
        change.setPhoneHash(cipher.lookupHash(phone));
        change.setPhoneMasked(PersonalDataCipher.maskPhone(phone));
        change.setUpdatedAt(Times.now(clock));
        residents.updateById(change);
        return views.me(residents.selectById(residentId));
    }

    /** Everything we hold about the caller, their phone in clear included: it is their own data. */
    ResidentExport export(long residentId) {
        // Every feature's data is read for it: a few a day is plenty for a person, a loop is not.
        rateLimiter.acquire("data-export", Long.toString(residentId), 3, Duration.ofDays(1),
                "导出个人数据每天最多 3 次，请明天再试");
        Resident r = active(residentId);
        Map<String, Object> profile = new LinkedHashMap<>();
        MeView me = views.me(r);
        profile.put("id", me.id());
        profile.put("nickname", me.nickname());
        profile.put("avatarKey", me.avatarKey());
        profile.put("region", me.regionName());
        profile.put("regionCode", me.regionCode());
        profile.put("populationGroup", me.populationGroupLabel());
        profile.put("birthYear", me.birthYear());
        profile.put("elderMode", me.elderMode());
        profile.put("phone", cipher.decrypt(r.getPhoneCipher()));
        profile.put("privacyPolicyVersion", me.privacyPolicyVersion());
        profile.put("privacyAcceptedAt", me.privacyAcceptedAt());
        profile.put("createdAt", me.createdAt());
        Map<String, Object> sections = new LinkedHashMap<>();
        dataSections.forEach(section -> sections.put(section.name(), section.export(residentId)));
        return new ResidentExport(OffsetDateTime.now(clock), profile, sections);
    }

    /**
     * Erases personal data in place and ends every login. The row itself stays (anonymous, with region, group
     * and birth year) so participation already recorded keeps counting in the plan's statistics.
     */
    @Transactional
    void delete(long residentId) {
        active(residentId);
        residents.erase(residentId, Times.now(clock));
        tokens.endAllSessions(SubjectType.RESIDENT, residentId, "ACCOUNT_DELETED");
        events.publishEvent(new ResidentDeleted(residentId));
    }

    private Resident active(long residentId) {
        Resident resident = residents.selectById(residentId);
        if (resident == null || !resident.isActive()) {
            throw new ApiException(ResidentErrors.RESIDENT_NOT_FOUND);
        }
        return resident;
    }
}
