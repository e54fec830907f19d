package cn.yunxi.kepu.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import cn.yunxi.kepu.resident.ResidentDeleted;

/**
 * A deleted account takes its uploads with it: avatars, comment images and anything else stored under the resident's
 * key prefix, confirmed or not. Objects go first and rows second, so a failure part way (OSS unreachable) leaves the
 * rows that let the event registry's retry finish the job; both steps are safe to repeat.
 */
@Component
class MediaPersonalData {

    private static final Logger log = LoggerFactory.getLogger(MediaPersonalData.class);

    private final MediaStorage storage;
    private final MediaObjectMapper objects;

    MediaPersonalData(MediaStorage storage, MediaObjectMapper objects) {
        this.storage = storage;
        this.objects = objects;
    }

    @ApplicationModuleListener
    void on(ResidentDeleted deleted) {
        MediaOwner owner = new MediaOwner(MediaOwner.Type.RESIDENT, deleted.residentId());
        int files = storage.deleteAll(MediaKeys.ownerPrefix(owner));
        int rows = objects.delete(new LambdaQueryWrapper<MediaObject>()
                .eq(MediaObject::getOwnerType, owner.type().name())
                .eq(MediaObject::getOwnerId, owner.id()));
        log.info("account deleted: removed {} stored objects and {} media rows", files, rows);
    }
}
