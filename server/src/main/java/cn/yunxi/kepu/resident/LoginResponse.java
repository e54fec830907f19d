package cn.yunxi.kepu.resident;

import java.time.OffsetDateTime;

import cn.yunxi.kepu.common.security.TokenPair;

record LoginResponse(String accessToken, OffsetDateTime accessTokenExpiresAt, String refreshToken,
                     OffsetDateTime refreshTokenExpiresAt, MeView resident, boolean newResident) {

    static LoginResponse of(TokenPair tokens, MeView resident, boolean newResident) {
        return new LoginResponse(tokens.accessToken(), tokens.accessTokenExpiresAt(), tokens.refreshToken(),
                tokens.refreshTokenExpiresAt(), resident, newResident);
    }
}
