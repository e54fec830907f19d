package cn.yunxi.kepu.resident;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.security.SubjectType;
import cn.yunxi.kepu.common.security.TokenPair;
import cn.yunxi.kepu.common.security.TokenService;
import cn.yunxi.kepu.common.security.TokenService.RotatedSession;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.wechat.WechatClient;
import cn.yunxi.kepu.wechat.WechatSession;

/** WeChat login, refresh and logout for residents. */
@Service
class ResidentLoginService {

    private final WechatClient wechat;
    private final ResidentMapper residents;
    private final TokenService tokens;
    private final ResidentViewFactory views;
    private final Clock clock;

    ResidentLoginService(WechatClient wechat, ResidentMapper residents, TokenService tokens, ResidentViewFactory views,
                         Clock clock) {
        this.wechat = wechat;
        this.residents = residents;
        this.tokens = tokens;
        this.views = views;
        this.clock = clock;
    }

    /** No transaction around the WeChat call: a slow WeChat must not hold a database connection. */
    LoginResponse login(String code) {
        WechatSession session = wechat.exchangeLoginCode(code);
        Resident existing = residents.findByOpenid(session.openid());
        Registration registration = existing != null ? new Registration(existing, false) : register(session);
        Resident resident = registration.resident();
        TokenPair pair = tokens.startSession(SubjectType.RESIDENT, resident.getId(), List.of(), null);
        return LoginResponse.of(pair, views.me(resident), registration.created());
    }

    LoginResponse refresh(String refreshToken) {
        RotatedSession rotated = tokens.rotate(refreshToken, SubjectType.RESIDENT);
        Resident resident = residents.selectById(rotated.subjectId());
        if (resident == null || !resident.isActive()) {
            tokens.endSession(rotated.sessionId());
            throw new ApiException(ResidentErrors.RESIDENT_NOT_FOUND);
        }
        TokenPair pair = tokens.continueSession(rotated, SubjectType.RESIDENT, List.of(), null);
        return LoginResponse.of(pair, views.me(resident), false);
    }

    void logout(String refreshToken) {
        tokens.endSession(refreshToken);
    }

    /**
     * The openid's unique key decides between two simultaneous first logins of the same person: the loser
     * reads the winner's row instead of creating a second resident.
     */
    private Registration register(WechatSession session) {
        LocalDateTime now = Times.now(clock);
        Resident fresh = new Resident();
        fresh.setOpenid(session.openid());
        fresh.setUnionid(session.unionid());
        fresh.setStatus(Resident.ACTIVE);
        fresh.setElderMode(false);
        fresh.setCreatedAt(now);
        fresh.setUpdatedAt(now);
        try {
            residents.insert(fresh);
            return new Registration(fresh, true);
        } catch (DuplicateKeyException raced) {
            return new Registration(residents.findByOpenid(session.openid()), false);
        }
    }

    private record Registration(Resident resident, boolean created) {
    }
}
