package cn.yunxi.kepu.event;

import org.springframework.stereotype.Service;

import cn.yunxi.kepu.media.MediaService;
import cn.yunxi.kepu.wechat.WechatCodes;

/**
 * The event's mini-program code for posters (scene {@code e=<id>}), generated once: later calls return the
 * stored one. The key is fixed per event, so two staff generating at once write the same object.
 */
@Service
class PosterService {

    static final int WIDTH = 430;

    private final EventMapper events;
    private final EventCatalog catalog;
    private final WechatCodes codes;
    private final MediaService media;
    private final EventProperties properties;

    PosterService(EventMapper events, EventCatalog catalog, WechatCodes codes, MediaService media,
                  EventProperties properties) {
        this.events = events;
        this.catalog = catalog;
        this.codes = codes;
        this.media = media;
        this.properties = properties;
    }

    record PosterCode(String key, String url, boolean generated) {
    }

    /** Stored through the media feature (OSS in prod, local disk otherwise) under a fixed name per event. */
    PosterCode code(EventSnapshot event) {
        String existing = event.event().getWxacodeKey();
        if (existing != null) {
            return new PosterCode(existing, media.readUrl(existing), false);
        }
        byte[] png = codes.unlimited("e=" + event.id(), properties.wxacodePage(), WIDTH);
        String key = media.storeGenerated("event-" + event.id() + "-wxacode.png", png, "image/png");
        events.setWxacodeKey(event.id(), key);
        catalog.invalidate(event.id());
        return new PosterCode(key, media.readUrl(key), true);
    }
}
