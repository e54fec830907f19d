package cn.yunxi.kepu.content;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.personaldata.PersonalDataSection;
import cn.yunxi.kepu.resident.ResidentDeleted;
import org.springframework.modulith.events.ApplicationModuleListener;

/** A resident's content data in "export my data", and its erasure when the account is deleted. */
@Component
class ContentPersonalData implements PersonalDataSection {

    private final InteractionMapper interactions;
    private final CommentMapper comments;

    ContentPersonalData(InteractionMapper interactions, CommentMapper comments) {
        this.interactions = interactions;
        this.comments = comments;
    }

    @Override
    public String name() {
        return "content";
    }

    @Override
    public Object export(long residentId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("completedReads", interactions.readsOf(residentId));
        out.put("likes", interactions.likesOf(residentId));
        out.put("favourites", interactions.favouritesOf(residentId));
        out.put("comments", comments.selectList(new com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper<Comment>()
                .eq(Comment::getResidentId, residentId)).stream()
                .map(ContentPersonalData::exported).toList());
        return out;
    }

    /** One comment as exported; {@code imageKey} is null without an image (Map.of takes no nulls). */
    private static Map<String, Object> exported(Comment c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contentId", c.getContentId());
        out.put("body", c.getBody());
        out.put("imageKey", c.getImageKey());
        out.put("status", c.getStatus());
        return out;
    }

    @ApplicationModuleListener
    void on(ResidentDeleted event) {
        long r = event.residentId();
        interactions.eraseLikes(r);
        interactions.eraseFavourites(r);
        interactions.eraseShares(r);
        interactions.eraseOpens(r);
        interactions.eraseSessions(r);
        interactions.eraseReads(r);
        interactions.eraseComments(r);
    }
}
