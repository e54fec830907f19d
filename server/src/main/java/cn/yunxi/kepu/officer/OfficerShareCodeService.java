package cn.yunxi.kepu.officer;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.media.MediaService;
import cn.yunxi.kepu.wechat.WechatCodes;

/**
 * The mini-program code on an officer's share poster: it opens the shared item with the officer's share token
 * (scene {@code <contentId>.<shareToken>}), so residents who scan the poster count as the officer's reach exactly
 * like those who tap a forwarded card. The token comes from the content feature's share endpoint; it is not
 * checked against the officer here (that would need the content feature's tables): a code for someone else's
 * token only credits that someone, so the worst a caller can do is spend WeChat quota, and only approved officers
 * may call. Each code is stored through the media feature under a name of its own and served by URL.
 */
@Service
class OfficerShareCodeService {

    static final int WIDTH = 430;
    /** The item page; it reads {@code scene} the same way the share link's {@code id} and {@code st}. */
    static final String PAGE = "pages/content/detail";

    private final OfficerRepository officers;
    private final WechatCodes codes;
    private final MediaService media;

    OfficerShareCodeService(OfficerRepository officers, WechatCodes codes, MediaService media) {
        this.officers = officers;
        this.codes = codes;
        this.media = media;
    }

    ShareCode code(long residentId, OfficerRequests.ShareCode request) {
        OfficerRepository.OfficerRow officer = officers.approvedOfResident(residentId)
                .orElseThrow(() -> new ApiException(OfficerErrors.NOT_OFFICER));
        String scene = request.contentId() + "." + request.shareToken();
        byte[] png = codes.unlimited(scene, PAGE, WIDTH);
        String key = media.storeGenerated("officer-" + officer.id() + "-content-" + request.contentId() + "-"
                + request.shareToken() + "-wxacode.png", png, "image/png");
        return new ShareCode(key, media.readUrl(key));
    }

    /** @param url a signed, expiring URL of the PNG (relative to the API when files are served locally) */
    @Schema(name = "ShareCodeImage")
    record ShareCode(String key, String url) {
    }
}
