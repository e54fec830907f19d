package cn.yunxi.kepu.media;

import cn.yunxi.kepu.common.security.CurrentUser;

/** Who an object belongs to. */
public record MediaOwner(Type type, long id) {

    public enum Type { RESIDENT, STAFF, SYSTEM }

    public static MediaOwner of(CurrentUser user) {
        return new MediaOwner(user.isResident() ? Type.RESIDENT : Type.STAFF, user.id());
    }

    public static MediaOwner system() {
        return new MediaOwner(Type.SYSTEM, 0);
    }
}
