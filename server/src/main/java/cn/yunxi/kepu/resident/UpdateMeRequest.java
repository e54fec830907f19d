package cn.yunxi.kepu.resident;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** PATCH semantics: a field left out (null) keeps its value. */
record UpdateMeRequest(
        @Size(min = 1, max = 32, message = "昵称长度应为 1 到 32 个字")
        String nickname,
        @Size(max = 255, message = "头像地址过长")
        @Pattern(regexp = "[A-Za-z0-9/_.\\-]+", message = "头像地址格式不正确")
        String avatarKey,
        @Pattern(regexp = "\\d{6,12}", message = "请选择正确的村或社区")
        String regionCode,
        PopulationGroup populationGroup,
        Integer birthYear,
        Boolean elderMode,
        @Size(min = 1, max = 32, message = "隐私政策版本不正确")
        @Pattern(regexp = "[A-Za-z0-9.\\-]+", message = "隐私政策版本不正确")
        String privacyPolicyVersion) {
}
